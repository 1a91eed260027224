import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { settingKeys } from '../../infra/config.ts';
import { repositoryRoot } from '../../infra/stack.ts';

// docs/deployment.md walks a new account to a working prod: the commands it gives and the settings it lists must be
// the ones the repository has.

const doc = readFileSync(join(repositoryRoot, 'docs', 'deployment.md'), 'utf8');
const scripts = (JSON.parse(readFileSync(join(repositoryRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

describe('docs/deployment.md', () => {
  it('given every `npm run` command it gives, then package.json has that script (deploy and admin:create among them)', () => {
    const commands = [...doc.matchAll(/npm run ([\w:-]+)/g)].map((m) => m[1]!);
    expect(commands).toEqual(expect.arrayContaining(['deploy', 'admin:create', 'synth']));
    for (const command of commands) expect(scripts, command).toHaveProperty(command);
    expect(scripts.deploy).toBe('tsx scripts/deploy.ts');
  });

  it("given the settings table, then it lists every key a stage file may hold", () => {
    const table = doc.slice(doc.indexOf('## Settings'), doc.indexOf('## From a new account'));
    for (const key of settingKeys) expect(table, key).toContain(`\`${key}\``);
  });

  it('given the walkthrough, then it covers bootstrap, SES, Stripe, the first admin, CORS, checks, alarms and the retry of a failed create', () => {
    for (const heading of ['Prepare the account', 'First deploy', 'Verify the SES identity', 'Stripe', 'The first admin', 'DNS and CORS', 'Check it works', '## Alarms', '## If the first deploy fails']) {
      expect(doc, heading).toContain(heading);
    }
  });
});
