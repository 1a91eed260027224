import type { DataSource, DataSourceResult } from './types.ts';

// The NONE data source. Reference: "AWS AppSync JavaScript resolver function reference for None data source"
// (https://docs.aws.amazon.com/appsync/latest/devguide/resolver-reference-none-js.html): ctx.result is the
// request's `payload`.
export function createNoneDataSource(): DataSource {
  return {
    async invoke(request: unknown): Promise<DataSourceResult> {
      const payload = (request ?? {}) as { payload?: unknown };
      return { result: payload.payload === undefined ? null : payload.payload };
    },
  };
}
