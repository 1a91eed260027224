// `npm start`'s reload: a stack started with `watch` over a copy of resolvers/, functions/ and schema/ (the repository's
// sources are never edited), whose edits are served at the next request, and whose broken edits leave the previous
// code serving with the error reported.
import { cp, mkdtemp, readFile, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalStack, type LocalStack } from '../../../local/stack.ts';
import { repoRoot } from '../../../local/stack/paths.ts';
import type { ReloadReport } from '../../../local/stack/reload-report.ts';
import { ensureResolverBundles } from '../../../local/stack/resolver-bundles.ts';

const randomPorts = { http: 0, https: 0, dynamodb: 0, cognito: 0, s3: 0, ses: 0, stripe: 0 };

/** Reports as they arrive; next() waits for the next one of a part. */
function reportQueue() {
  const waiting: Array<{ part: ReloadReport['part']; resolve(report: ReloadReport): void }> = [];
  const unclaimed: ReloadReport[] = [];
  return {
    onReport(report: ReloadReport) {
      const index = waiting.findIndex((w) => w.part === report.part);
      if (index >= 0) waiting.splice(index, 1)[0]?.resolve(report);
      else unclaimed.push(report);
    },
    next(part: ReloadReport['part']): Promise<ReloadReport> {
      const index = unclaimed.findIndex((r) => r.part === part);
      if (index >= 0) return Promise.resolve(unclaimed.splice(index, 1)[0]!);
      return new Promise((resolve) => waiting.push({ part, resolve }));
    },
  };
}

describe('npm start reloads edited sources', () => {
  let root: string;
  let stack: LocalStack;
  const reports = reportQueue();
  // Written whole, as an editor's atomic save does: the watcher never sees a half-written file.
  const edit = async (path: string, change: (source: string) => string) => {
    const staged = `${join(root, path)}.tmp`;
    await writeFile(staged, change(await readFile(join(root, path), 'utf8')));
    await rename(staged, join(root, path));
  };

  async function idToken(email: string): Promise<string> {
    const password = stack.demoUsers.find((u) => u.email === email)?.password;
    const { AuthenticationResult } = await stack.clients.cognito.send(
      new InitiateAuthCommand({
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: stack.userPoolClientId,
        AuthParameters: { USERNAME: email, PASSWORD: password ?? '' },
      }),
    );
    return AuthenticationResult?.IdToken ?? '';
  }

  async function graphql(token: string, query: string, variables: Record<string, unknown> = {}) {
    const response = await fetch(stack.urls.graphql, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: token },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as { data?: Record<string, Record<string, unknown> | null>; errors?: Array<{ message: string }> };
  }

  const myName = async () => (await graphql(await idToken('priya.staff@example.com'), 'query { me { fullName } }')).data?.me?.fullName;

  async function uploadUrl(): Promise<unknown> {
    const token = await idToken('lucas@example.com');
    const mine = await graphql(token, 'query { listMyApplicants { items { id } } }');
    const applicantId = (mine.data?.listMyApplicants?.items as Array<{ id: string }>)[0]?.id;
    const upload = await graphql(
      token,
      'mutation ($i: RequestDocumentUploadInput!) { requestDocumentUpload(input: $i) { url } }',
      { i: { applicantId, fileName: 'transcript.pdf', contentType: 'PDF', sizeBytes: 1000 } },
    );
    expect(upload.errors).toBeUndefined();
    return upload.data?.requestDocumentUpload?.url;
  }

  beforeAll(async () => {
    await ensureResolverBundles();
    root = await mkdtemp(join(tmpdir(), 'reload-sources-'));
    for (const dir of ['resolvers', 'functions', 'schema', join('build', 'resolvers')]) {
      await cp(join(repoRoot, dir), join(root, dir), { recursive: true });
    }
    // The copy is an ES module package with the repository's packages, as the repository is.
    await cp(join(repoRoot, 'package.json'), join(root, 'package.json'));
    await symlink(join(repoRoot, 'node_modules'), join(root, 'node_modules'), 'dir');
    stack = await startLocalStack({
      inMemory: true,
      ports: randomPorts,
      sourceRoot: root,
      buildResolvers: false,
      watch: { onReport: reports.onReport },
    });
  });

  afterAll(async () => {
    await stack?.stop();
    if (root) await rm(root, { recursive: true, force: true });
  });

  it("serves a resolver's edited source at the next request, and reports the reload in one line", async () => {
    expect(await myName()).toBe('Priya Natarajan');

    await edit('resolvers/Query/me.ts', (s) =>
      s.replace('return ctx.result;', "return { ...ctx.result, fullName: 'Reloaded ' + ctx.result.fullName };"),
    );

    const report = await reports.next('resolvers');
    expect(report).toMatchObject({ kind: 'reloaded' });
    expect(report.line).toMatch(/^reloaded resolver Query\.me \(\d+ ms\)$/);
    expect(await myName()).toBe('Reloaded Priya Natarajan');
  });

  it('keeps the previous bundle serving when an edit does not build, and names the file, line and error', async () => {
    await edit('resolvers/Query/me.ts', (s) => s.replace('return getItem(', 'return getItem((('));

    const report = await reports.next('resolvers');
    expect(report.kind).toBe('failed');
    expect(report.line).toContain('not reloaded: resolver Query.me (the previous bundle keeps serving)');
    expect(report.line).toMatch(/resolvers\/Query\/me\.ts:\d+:\d+: Expected "\)" but found/);
    expect(await myName()).toBe('Reloaded Priya Natarajan');
  });

  it('keeps the previous bundle serving when an edit uses what AppSync refuses, naming the construct', async () => {
    await edit('resolvers/Query/me.ts', (s) =>
      s.replace('return getItem(((', 'while (ctx.args.never) ctx.stash.x = 1;\n  return getItem('),
    );

    const report = await reports.next('resolvers');
    expect(report.kind).toBe('failed');
    expect(report.line).toContain('not reloaded: resolver Query.me');
    expect(report.line).toContain('while loops are not supported');
    expect(await myName()).toBe('Reloaded Priya Natarajan');
  });

  it('keeps the previous bundle serving when an edit leaves no request or response function', async () => {
    await edit('resolvers/Query/me.ts', (s) => s.replace('export function response(', 'function response('));

    const report = await reports.next('resolvers');
    expect(report.kind).toBe('failed');
    expect(report.line).toContain('resolvers/Query/me.ts must export a response function');
    expect(await myName()).toBe('Reloaded Priya Natarajan');
  });

  it("re-imports the Lambda handlers when a handler's source changes, and serves the new code at the next call", async () => {
    expect(String(await uploadUrl())).toContain(stack.bucketName);

    await edit('functions/uploads/handler.ts', (s) =>
      s.replace(
        'return presignDocumentUpload(s3(), bucket(), event);',
        "return { ...(await presignDocumentUpload(s3(), bucket(), event)), url: 'http://reloaded.invalid/' };",
      ),
    );

    const report = await reports.next('lambdas');
    expect(report.kind).toBe('reloaded');
    expect(report.line).toMatch(/^reloaded Lambdas uploads, .+ \(\d+ ms\)$/);
    expect(await uploadUrl()).toBe('http://reloaded.invalid/');
  }, 60_000);

  it('keeps the previous handlers serving when a Lambda edit does not compile', async () => {
    await edit('functions/uploads/handler.ts', (s) => s.replace('export async function handler(', 'export async function handler(('));

    const report = await reports.next('lambdas');
    expect(report.kind).toBe('failed');
    expect(report.line).toContain('Lambdas not reloaded (the previous handlers keep serving)');
    expect(report.line).toContain('handler.ts');
    expect(await uploadUrl()).toBe('http://reloaded.invalid/');
  }, 60_000);

  it('says a restart is needed when the schema changes', async () => {
    await edit('schema/schema.graphql', (s) => `${s}\n# edited\n`);

    const report = await reports.next('schema');
    expect(report).toEqual({
      kind: 'restart-needed',
      part: 'schema',
      line: 'schema/schema.graphql changed: restart npm start to serve it (and run npm run codegen)',
    });
  });
});
