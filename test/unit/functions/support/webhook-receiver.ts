// Test support: an HTTP endpoint that records the webhook deliveries the Stripe stand-in makes.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  signature: string;
  body: string;
}

export async function startWebhookReceiver(status = 200): Promise<{ url: string; received: Received[]; stop(): Promise<void> }> {
  const received: Received[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      received.push({ signature: String(request.headers['stripe-signature'] ?? ''), body });
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end('{"received":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/stripe/webhook`,
    received,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
