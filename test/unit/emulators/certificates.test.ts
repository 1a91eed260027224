import { X509Certificate } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, request } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from 'selfsigned';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureCertificates, spkiSha256 } from '../../../local/stack/certificates.ts';

async function httpsAnswer(host: string, port: number, ca: string): Promise<number | string> {
  return new Promise((resolve) => {
    const req = request({ host, port, path: '/', ca, servername: host === 'localhost' ? host : undefined }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
    req.end();
  });
}

describe('local certificate authority', () => {
  const dirs: string[] = [];
  const newDir = async () => {
    const dir = await mkdtemp(join(tmpdir(), 'certs-test-'));
    dirs.push(dir);
    return dir;
  };
  afterAll(async () => {
    await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  });

  it('makes a CA and a localhost certificate that TLS clients trusting only that CA accept, for localhost and 127.0.0.1', async () => {
    const certs = await ensureCertificates(await newDir());
    expect(certs.createdCa).toBe(true);
    const server = createServer({ key: certs.key, cert: certs.cert }, (_req, res) => res.end('ok'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      expect(await httpsAnswer('localhost', port, certs.caCert)).toBe(200);
      expect(await httpsAnswer('127.0.0.1', port, certs.caCert)).toBe(200);
      // Without the CA, the certificate is not trusted: the trust step is needed.
      const other = await ensureCertificates(await newDir());
      expect(await httpsAnswer('localhost', port, other.caCert)).toMatch(/UNABLE_TO_VERIFY|SELF_SIGNED|CERT/);
    } finally {
      server.close();
    }
    const leaf = new X509Certificate(certs.cert);
    expect(leaf.subjectAltName).toBe('DNS:localhost, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1');
    expect(leaf.ca).toBe(false);
    expect(new X509Certificate(certs.caCert).ca).toBe(true);
    // Apple platforms refuse server certificates valid for more than 825 days.
    expect(new Date(leaf.validTo).getTime() - Date.now()).toBeLessThan(825 * 24 * 3600 * 1000);
    expect(certs.serverSpkiSha256).toBe(spkiSha256(certs.cert));
  });

  it('keeps both on the next start, and replaces a server certificate about to expire with one from the same CA', async () => {
    const dir = await newDir();
    const first = await ensureCertificates(dir);
    const again = await ensureCertificates(dir);
    expect(again).toMatchObject({ createdCa: false, caCert: first.caCert, cert: first.cert });

    const caKey = await readFile(join(dir, 'ca-key.pem'), 'utf8');
    const expiring = await generate([{ name: 'commonName', value: 'localhost' }], {
      ca: { key: caKey, cert: first.caCert },
      keyType: 'ec',
      algorithm: 'sha256',
      notAfterDate: new Date(Date.now() + 2 * 24 * 3600 * 1000),
    });
    await writeFile(join(dir, 'localhost.pem'), expiring.cert);
    await writeFile(join(dir, 'localhost-key.pem'), expiring.private);

    const renewed = await ensureCertificates(dir);
    expect(renewed.createdCa).toBe(false);
    expect(renewed.caCert).toBe(first.caCert);
    expect(renewed.cert).not.toBe(expiring.cert);
    expect(new X509Certificate(renewed.cert).checkIssued(new X509Certificate(first.caCert))).toBe(true);
  });
});
