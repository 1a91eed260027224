import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { repositoryRoot } from '../../infra/stack.ts';

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, string>;
}
interface Job {
  if?: string;
  needs?: string | string[];
  permissions?: Record<string, string>;
  steps: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  jobs: Record<string, Job>;
}

const dir = join(repositoryRoot, '.github', 'workflows');
const files = readdirSync(dir).filter((f) => f.endsWith('.yml') || f.endsWith('.yaml'));
const texts = files.map((f) => readFileSync(join(dir, f), 'utf8'));
const workflows = texts.map((text) => parse(text) as Workflow);
const jobs = workflows.flatMap((w) => Object.entries(w.jobs).map(([name, job]) => ({ name, job, on: w.on })));
const scripts = (JSON.parse(readFileSync(join(repositoryRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

describe('the GitHub Actions workflows', () => {
  it('given .github/workflows, then there is at least one workflow and every file parses', () => {
    expect(files.length).toBeGreaterThan(0);
    for (const workflow of workflows) expect(Object.keys(workflow.jobs).length).toBeGreaterThan(0);
  });

  it('given every run step, then each npm command it uses exists in package.json', () => {
    const commands = jobs.flatMap(({ job }) => job.steps.flatMap((s) => (s.run ? [...s.run.matchAll(/npm (run [\w:-]+|test|ci)\b/g)] : [])));
    expect(commands.length).toBeGreaterThan(0);
    for (const [, command] of commands) {
      if (command === 'ci') continue;
      const script = command === 'test' ? 'test' : command!.replace(/^run /, '');
      expect(scripts, `npm ${command}`).toHaveProperty(script);
    }
  });

  it('given a pull request, then a job runs npm test', () => {
    const onPullRequest = jobs.filter(({ on, job }) => 'pull_request' in on && !job.if);
    expect(onPullRequest.some(({ job }) => job.steps.some((s) => s.run?.trim() === 'npm test'))).toBe(true);
  });

  it('given a push to main, then dev is deployed after the tests, with an OIDC role from a repository variable', () => {
    const deploy = jobs.find(({ job }) => job.steps.some((s) => s.run?.includes('npm run deploy')));
    expect(deploy).toBeDefined();
    const { job, on } = deploy!;
    expect(on).toHaveProperty('push');
    expect(job.if).toMatch(/github\.ref == 'refs\/heads\/main'/);
    expect([job.needs].flat()).toContain('test');
    expect(job.permissions).toMatchObject({ 'id-token': 'write' });
    const credentials = job.steps.find((s) => s.uses?.startsWith('aws-actions/configure-aws-credentials@'));
    expect(credentials?.with?.['role-to-assume']).toMatch(/^\$\{\{\s*vars\.\w+\s*\}\}$/);
    const deployStep = job.steps.find((s) => s.run?.includes('npm run deploy'));
    expect(deployStep?.run).toMatch(/--context stage=dev\b/);
  });

  it('given every workflow, then no long-lived AWS key is used anywhere', () => {
    for (const text of texts) {
      expect(text).not.toMatch(/aws-access-key-id|aws-secret-access-key|AWS_ACCESS_KEY_ID|AWS_SECRET_ACCESS_KEY/);
      expect(text).not.toMatch(/secrets\.AWS/);
    }
  });
});
