// NONE data source: the catalogue ships inside this bundle (resolvers/lib/price-catalog.ts), the same one checkout uses.
import type { Context } from '@aws-appsync/utils';
import { priceCatalog } from '../lib/price-catalog.ts';

export function request() {
  return { payload: priceCatalog };
}

export function response(ctx: Context) {
  return ctx.result;
}
