import { describe, expect, it } from 'vitest';
import { assertPortFree, portFromEnv, resolvePort } from '../../../local/emulators/ports.ts';
import { failureOf, occupyPort } from './support.ts';

describe('local ports', () => {
  it('takes a port from its environment variable, else the default, and names the variable when it is malformed', () => {
    expect(portFromEnv('DYNAMODB_PORT', 8000, {})).toBe(8000);
    expect(portFromEnv('DYNAMODB_PORT', 8000, { DYNAMODB_PORT: '8100' })).toBe(8100);
    expect(() => portFromEnv('DYNAMODB_PORT', 8000, { DYNAMODB_PORT: 'eight' })).toThrow(
      'DYNAMODB_PORT must be a TCP port number (0-65535), got "eight"',
    );
    expect(() => portFromEnv('PORT', 4000, { PORT: '70000' })).toThrow(
      'PORT must be a TCP port number (0-65535), got "70000"',
    );
  });

  it('turns 0 into a free port', async () => {
    const port = await resolvePort(0, 'PORT');
    expect(port).toBeGreaterThan(0);
    await assertPortFree(port, 'PORT');
  });

  it('reports a port something listens on as busy, in one line', async () => {
    const busy = await occupyPort();
    try {
      const message = await failureOf(assertPortFree(busy.port, 'S3_PORT'));
      expect(message).toBe(`port ${busy.port} is in use: stop what uses it or set S3_PORT`);
      expect(message).not.toContain('\n');
    } finally {
      await busy.release();
    }
  });
});
