import { createHash, timingSafeEqual } from 'node:crypto';
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import type { HttpRequest } from '@smithy/types';
import { AuthenticationError } from './errors.ts';
import type { IamIdentity } from './identity.ts';

// IAM mode: the request carries a Signature Version 4 signature for service `appsync` (AWS General Reference,
// "Signature Version 4 signing process"). The local API knows one pair of static credentials; the signature is
// recomputed with the same library the AWS SDKs sign with and compared.

export interface SigV4VerifierOptions {
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Account id reported in ctx.identity. */
  accountId?: string;
}

/** One HTTP request as it was signed: lower-case header names, the exact body bytes as a string. */
export interface SignedRequest {
  method: string;
  host: string;
  path: string;
  query: Record<string, string | string[]>;
  headers: Record<string, string>;
  body: string;
}

export type SigV4Verifier = (request: SignedRequest, sourceIp: string[]) => Promise<IamIdentity>;

/** AWS refuses signatures whose date is further than this from its clock. */
const MAX_CLOCK_SKEW_MS = 15 * 60 * 1000;

const AUTHORIZATION_PATTERN =
  /^AWS4-HMAC-SHA256 Credential=([^/,\s]+)\/(\d{8})\/([^/,\s]+)\/([^/,\s]+)\/aws4_request,\s*SignedHeaders=([a-z0-9;._-]+),\s*Signature=([0-9a-f]{64})$/;

const messages = {
  incomplete: 'Authorization header requires \'Credential\', \'SignedHeaders\' and \'Signature\' parameters.',
  unknownKey: 'The security token included in the request is invalid.',
  unsignedPayload: 'UNSIGNED-PAYLOAD is not accepted: the signature must cover the SHA-256 of the request body.',
  payloadHashMismatch: 'The provided x-amz-content-sha256 header does not match what was computed.',
  mismatch:
    'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
} as const;

export function isSigV4Authorization(value: string | undefined): boolean {
  return typeof value === 'string' && value.startsWith('AWS4-HMAC-SHA256 ');
}

function parseAmzDate(value: string | undefined): Date | null {
  const match = value ? /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value) : null;
  if (!match) return null;
  const [, y, mo, d, h, mi, s] = match.map(Number) as [number, number, number, number, number, number, number];
  return new Date(Date.UTC(y, mo - 1, d, h, mi, s));
}

export function createSigV4Verifier(options: SigV4VerifierOptions): SigV4Verifier {
  const signer = new SignatureV4({
    credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey },
    region: options.region,
    service: 'appsync',
    sha256: Sha256,
    applyChecksum: false,
    uriEscapePath: true,
  });
  const accountId = options.accountId ?? '000000000000';

  return async (request, sourceIp) => {
    const match = AUTHORIZATION_PATTERN.exec(request.headers.authorization ?? '');
    if (!match) throw new AuthenticationError(messages.incomplete);
    const [, accessKeyId, scopeDate, region, service, signedHeaderList, signature] = match as unknown as string[];
    if (accessKeyId !== options.accessKeyId) throw new AuthenticationError(messages.unknownKey);
    if (service !== 'appsync' || region !== options.region) {
      throw new AuthenticationError(
        `Credential should be scoped to a valid region and service 'appsync' in region '${options.region}', not '${service}' in '${region}'.`,
      );
    }
    const signingDate = parseAmzDate(request.headers['x-amz-date']);
    if (!signingDate || request.headers['x-amz-date']?.slice(0, 8) !== scopeDate) {
      throw new AuthenticationError('Signature requires a valid x-amz-date header matching the credential scope date.');
    }
    if (Math.abs(Date.now() - signingDate.getTime()) > MAX_CLOCK_SKEW_MS) {
      throw new AuthenticationError(`Signature expired: ${request.headers['x-amz-date']} is now earlier or later than 15 minutes from the server time.`);
    }

    // The signature binds the body through its SHA-256, computed here from the bytes received: a client's
    // x-amz-content-sha256 header may only repeat it (the signer would otherwise take the header's word for it).
    const payloadHash = createHash('sha256').update(request.body, 'utf8').digest('hex');
    const declaredHash = request.headers['x-amz-content-sha256'];
    if (declaredHash === 'UNSIGNED-PAYLOAD') throw new AuthenticationError(messages.unsignedPayload);
    if (declaredHash !== undefined && declaredHash !== payloadHash) throw new AuthenticationError(messages.payloadHashMismatch);

    const signedHeaderNames = (signedHeaderList ?? '').split(';');
    const headers: Record<string, string> = {};
    for (const name of signedHeaderNames) {
      const value = name === 'host' ? (request.headers.host ?? request.host) : request.headers[name];
      if (value === undefined) throw new AuthenticationError(messages.mismatch);
      headers[name] = value;
    }
    const toSign: HttpRequest = {
      method: request.method.toUpperCase(),
      protocol: 'https:',
      hostname: request.host,
      path: request.path,
      query: request.query,
      headers,
      body: request.body,
    };
    const signed = await signer.sign(toSign, { signingDate, signableHeaders: new Set(signedHeaderNames) });
    const expected = /Signature=([0-9a-f]{64})$/.exec(String(signed.headers.authorization ?? ''))?.[1] ?? '';
    const provided = Buffer.from(signature ?? '', 'utf8');
    if (expected.length !== provided.length || !timingSafeEqual(Buffer.from(expected, 'utf8'), provided)) {
      throw new AuthenticationError(messages.mismatch);
    }
    return {
      accountId,
      cognitoIdentityPoolId: null,
      cognitoIdentityId: null,
      sourceIp,
      username: accessKeyId,
      userArn: `arn:aws:iam::${accountId}:user/${accessKeyId}`,
      cognitoIdentityAuthType: null,
      cognitoIdentityAuthProvider: null,
    };
  };
}
