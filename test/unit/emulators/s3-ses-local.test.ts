import { GetObjectCommand, HeadBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { describe, expect, it } from 'vitest';
import { freePort } from '../../../local/emulators/ports.ts';
import { startS3Local, type S3EventNotification } from '../../../local/emulators/s3-local.ts';
import { startSesLocal } from '../../../local/emulators/ses-local.ts';
import { failureOf, listening, localCredentials, occupyPort } from './support.ts';

describe('S3 launcher (s3rver)', () => {
  it('creates the bucket, stores objects, reports ObjectCreated events, allows browsers, and stop frees the port', async () => {
    const port = await freePort();
    const events: S3EventNotification[] = [];
    const s3 = await startS3Local({
      port,
      inMemory: true,
      bucketName: 'documents-test',
      credentials: localCredentials,
      onObjectEvent: (e) => events.push(e),
    });
    try {
      const client = new S3Client({
        endpoint: s3.endpoint,
        region: 'us-east-1',
        credentials: localCredentials,
        forcePathStyle: true,
        requestChecksumCalculation: 'WHEN_REQUIRED',
      });
      await client.send(new HeadBucketCommand({ Bucket: 'documents-test' }));
      await client.send(new PutObjectCommand({ Bucket: 'documents-test', Key: 'a/b.txt', Body: 'hello' }));
      const object = await client.send(new GetObjectCommand({ Bucket: 'documents-test', Key: 'a/b.txt' }));
      expect(await object.Body?.transformToString()).toBe('hello');
      expect(events.map((e) => e.Records[0])).toEqual([
        expect.objectContaining({
          eventSource: 'aws:s3',
          eventName: 'ObjectCreated:Put',
          s3: expect.objectContaining({
            bucket: expect.objectContaining({ name: 'documents-test' }),
            object: expect.objectContaining({ key: 'a/b.txt', size: 5 }),
          }),
        }),
      ]);

      const preflight = await fetch(`${s3.endpoint}/documents-test`, {
        method: 'OPTIONS',
        headers: {
          origin: 'http://localhost:5173',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      });
      expect(preflight.status).toBe(200);
      expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    } finally {
      await s3.stop();
    }
    expect(await listening(port)).toBe(false);
  });

  it('given a busy port, fails with the one-line message naming S3_PORT', async () => {
    const busy = await occupyPort();
    try {
      expect(
        await failureOf(
          startS3Local({ port: busy.port, inMemory: true, bucketName: 'b', credentials: localCredentials }),
        ),
      ).toBe(`port ${busy.port} is in use: stop what uses it or set S3_PORT`);
    } finally {
      await busy.release();
    }
  });
});

describe('SES launcher (aws-ses-v2-local)', () => {
  it('accepts SES v2 SendEmail, shows it in the mailbox store, and stop frees the port', async () => {
    const port = await freePort();
    const ses = await startSesLocal({ port });
    try {
      const client = new SESv2Client({ endpoint: ses.endpoint, region: 'us-east-1', credentials: localCredentials });
      const subject = `Test ${Date.now()}`;
      await client.send(
        new SendEmailCommand({
          FromEmailAddress: 'no-reply@scholarvalley.local',
          Destination: { ToAddresses: ['someone@example.com'] },
          Content: { Simple: { Subject: { Data: subject }, Body: { Text: { Data: 'Body' } } } },
        }),
      );
      const store = (await (await fetch(`${ses.endpoint}/store`)).json()) as {
        emails: Array<{ subject: string; destination: { to: string[] } }>;
      };
      expect(store.emails).toContainEqual(
        expect.objectContaining({ subject, destination: expect.objectContaining({ to: ['someone@example.com'] }) }),
      );
      const mailbox = await fetch(ses.mailboxUrl);
      expect(mailbox.status).toBe(200);
      expect(mailbox.headers.get('content-type')).toMatch(/text\/html/);
    } finally {
      await ses.stop();
    }
    expect(await listening(port)).toBe(false);
  });

  it('given a busy port, fails with the one-line message naming SES_PORT', async () => {
    const busy = await occupyPort();
    try {
      expect(await failureOf(startSesLocal({ port: busy.port }))).toBe(
        `port ${busy.port} is in use: stop what uses it or set SES_PORT`,
      );
    } finally {
      await busy.release();
    }
  });
});
