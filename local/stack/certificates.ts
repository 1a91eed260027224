// A local certificate authority and a `localhost` certificate it signs, made once and kept in the state folder.
// Amplify JS always opens the real-time socket with wss://, so the local API serves HTTPS/WSS too; trusting the one
// CA (NODE_EXTRA_CA_CERTS, the OS keychain or a browser flag) makes every later certificate trusted as well.
import { createHash, createPublicKey, X509Certificate } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generate } from 'selfsigned';

export interface LocalCertificates {
  /** PEM of the CA to trust. */
  caCert: string;
  caPath: string;
  /** The `localhost` server key and certificate (PEM). */
  key: string;
  cert: string;
  /** Whether this call created the CA (the developer has to trust it once). */
  createdCa: boolean;
  /** base64 SHA-256 of the server certificate's public key, for Chrome's --ignore-certificate-errors-spki-list. */
  serverSpkiSha256: string;
}

export function spkiSha256(certificatePem: string): string {
  const spki = createPublicKey(certificatePem).export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(spki).digest('base64');
}

const day = 24 * 60 * 60 * 1000;
/** Apple platforms refuse TLS server certificates valid for more than 825 days; a year stays clear of it. */
const serverCertificateDays = 365;
const caYears = 10;
/** A server certificate this close to expiry is replaced (by the same CA) on start. */
const renewWithinDays = 30;

async function readIfPresent(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
}

function validFor(pem: string, days: number): boolean {
  try {
    return new Date(new X509Certificate(pem).validTo).getTime() - Date.now() > days * day;
  } catch {
    return false;
  }
}

async function createCa(): Promise<{ key: string; cert: string }> {
  const now = new Date();
  const pems = await generate([{ name: 'commonName', value: 'Scholarvalley local development CA' }], {
    algorithm: 'sha256',
    keyType: 'ec',
    curve: 'P-256',
    notBeforeDate: new Date(now.getTime() - day),
    notAfterDate: new Date(now.getTime() + caYears * 365 * day),
    extensions: [
      { name: 'basicConstraints', cA: true, pathLenConstraint: 0, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
    ],
  });
  return { key: pems.private, cert: pems.cert };
}

async function createServerCertificate(ca: { key: string; cert: string }): Promise<{ key: string; cert: string }> {
  const now = new Date();
  const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
    algorithm: 'sha256',
    keyType: 'ec',
    curve: 'P-256',
    notBeforeDate: new Date(now.getTime() - day),
    notAfterDate: new Date(now.getTime() + serverCertificateDays * day),
    ca,
    extensions: [
      { name: 'basicConstraints', cA: false, critical: true },
      { name: 'keyUsage', digitalSignature: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
          { type: 7, ip: '::1' },
        ],
      },
    ],
  });
  return { key: pems.private, cert: pems.cert };
}

/** Reads the CA and server certificate from `dir`, creating what is missing or about to expire. */
export async function ensureCertificates(dir: string): Promise<LocalCertificates> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const paths = {
    caCert: join(dir, 'ca.pem'),
    caKey: join(dir, 'ca-key.pem'),
    cert: join(dir, 'localhost.pem'),
    key: join(dir, 'localhost-key.pem'),
  };
  const [caCert, caKey, cert, key] = await Promise.all(
    [paths.caCert, paths.caKey, paths.cert, paths.key].map(readIfPresent),
  );

  let ca = caCert && caKey && validFor(caCert, renewWithinDays) ? { cert: caCert, key: caKey } : undefined;
  const createdCa = !ca;
  if (!ca) {
    ca = await createCa();
    await writeFile(paths.caKey, ca.key, { mode: 0o600 });
    await writeFile(paths.caCert, ca.cert);
  }
  let server = !createdCa && cert && key && validFor(cert, renewWithinDays) ? { cert, key } : undefined;
  if (!server) {
    server = await createServerCertificate(ca);
    await writeFile(paths.key, server.key, { mode: 0o600 });
    await writeFile(paths.cert, server.cert);
  }
  return {
    caCert: ca.cert,
    caPath: paths.caCert,
    key: server.key,
    cert: server.cert,
    createdCa,
    serverSpkiSha256: spkiSha256(server.cert),
  };
}
