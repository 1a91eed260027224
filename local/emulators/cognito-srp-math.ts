// The server side of Amazon Cognito's SRP-6a, byte for byte what its clients compute (Amplify JS v6,
// @aws-amplify/auth .../cognito/utils/srp; amazon-cognito-identity-js is the same): the 3072-bit group of RFC 5054
// with g = 2, k = H(N | g), numbers hashed as the hex of their shortest positive two's-complement bytes (padHex),
// x = H(salt | H(poolName + userId + ":" + password)), the key = HKDF-SHA256(S, u, "Caldera Derived Key") cut to
// 16 bytes, and the claim = HMAC-SHA256(key, poolName + userId + secretBlock + timestamp), base64.
import { createHash, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

const N = BigInt(
  '0x' +
    'FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DD' +
    'EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED' +
    'EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F' +
    '83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B' +
    'E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA0510' +
    '15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7' +
    'ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200C' +
    'BBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF',
);
const g = 2n;

/** Even-length hex, with a leading 00 when the top bit is set (Java's BigInteger.toByteArray, as the clients do). */
export function padHex(value: bigint): string {
  const hex = value.toString(16);
  const even = hex.length % 2 === 0 ? hex : `0${hex}`;
  return /^[89a-f]/.test(even) ? `00${even}` : even;
}

const sha256Hex = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');
const hashHex = (hex: string) => sha256Hex(Buffer.from(hex, 'hex'));
const toBigInt = (hex: string) => BigInt(`0x${hex}`);

function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n;
  let b = ((base % modulus) + modulus) % modulus;
  let e = exponent;
  while (e > 0n) {
    if (e & 1n) result = (result * b) % modulus;
    b = (b * b) % modulus;
    e >>= 1n;
  }
  return result;
}

const k = toBigInt(hashHex(padHex(N) + padHex(g)));

/** What the server keeps between the challenge and the client's claim. */
export interface SrpChallenge {
  /** SALT, SRP_B as the challenge parameters carry them (hex). */
  salt: string;
  srpB: string;
  /** The key both sides derive; the claim is checked against it. */
  key: Buffer;
}

/**
 * The server's half for a user whose password it knows (cognito-local stores passwords): a fresh salt and verifier
 * v = g^x, a random b, B = k·v + g^b, and the shared key from the client's A. Undefined when A ≡ 0 (mod N),
 * which SRP-6a must refuse.
 */
export function serverChallenge(input: {
  srpA: string;
  poolName: string;
  userId: string;
  password: string;
}): SrpChallenge | undefined {
  const A = toBigInt(input.srpA);
  if (A % N === 0n) return undefined;
  const salt = toBigInt(randomBytes(16).toString('hex'));
  const x = toBigInt(hashHex(padHex(salt) + sha256Hex(`${input.poolName}${input.userId}:${input.password}`)));
  const v = modPow(g, x, N);
  let b: bigint;
  let B: bigint;
  do {
    // 256 bits, RFC 5054's minimum for b: four times cheaper than the client's 1024-bit a, and as safe.
    b = toBigInt(randomBytes(32).toString('hex'));
    B = (k * v + modPow(g, b, N)) % N;
  } while (B === 0n);
  const u = toBigInt(hashHex(padHex(A) + padHex(B)));
  if (u === 0n) return undefined;
  const S = modPow(A * modPow(v, u, N), b, N);
  const key = Buffer.from(
    hkdfSync('sha256', Buffer.from(padHex(S), 'hex'), Buffer.from(padHex(u), 'hex'), 'Caldera Derived Key', 16),
  );
  return { salt: padHex(salt), srpB: B.toString(16), key };
}

/** Whether PASSWORD_CLAIM_SIGNATURE is the HMAC a client holding the password computes. */
export function claimMatches(input: {
  key: Buffer;
  poolName: string;
  userId: string;
  secretBlock: string;
  timestamp: string;
  signature: string;
}): boolean {
  const expected = createHmac('sha256', input.key)
    .update(
      Buffer.concat([
        Buffer.from(input.poolName, 'utf8'),
        Buffer.from(input.userId, 'utf8'),
        Buffer.from(input.secretBlock, 'base64'),
        Buffer.from(input.timestamp, 'utf8'),
      ]),
    )
    .digest();
  const given = Buffer.from(input.signature, 'base64');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

const monthNames = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const timestampPattern =
  /^(Sun|Mon|Tue|Wed|Thu|Fri|Sat) ([A-Z][a-z]{2}) (\d{1,2}) (\d{2}):(\d{2}):(\d{2}) UTC (\d{4})$/;

/** The instant a TIMESTAMP ("ddd MMM D HH:mm:ss UTC YYYY", UTC) names, or undefined when it is not one. */
export function parseSrpTimestamp(timestamp: string): Date | undefined {
  const match = timestampPattern.exec(timestamp);
  if (!match) return undefined;
  const [, , month = '', day, hours, minutes, seconds, year] = match;
  const monthIndex = monthNames.indexOf(month);
  if (monthIndex < 0) return undefined;
  const date = new Date(
    Date.UTC(Number(year), monthIndex, Number(day), Number(hours), Number(minutes), Number(seconds)),
  );
  return date.getUTCDate() === Number(day) && date.getUTCHours() === Number(hours) ? date : undefined;
}
