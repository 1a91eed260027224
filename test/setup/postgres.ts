// A throwaway PostgreSQL cluster for the migration test and bench: initdb in a temporary folder, a free loopback port,
// trust authentication, stopped and deleted afterwards. The server binaries are found on PATH or in Debian's
// /usr/lib/postgresql/<version>/bin (.ci/run installs the `postgresql` package when neither has them).
// PostgreSQL refuses to run as root: under root the cluster runs as the `postgres` user (Debian's package creates it),
// else `nobody`, through runuser.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { freePort, loopback } from '../../local/emulators/ports.ts';

export interface PostgresCluster {
  /** postgres://… of the cluster's default database, as the superuser `legacy`. */
  url: string;
  /** The server's major version, as `postgres --version` reports it. */
  version: string;
  stop(): void;
}

const debianRoot = '/usr/lib/postgresql';

/** The folder holding initdb and pg_ctl: PATH first, then the newest Debian version folder. */
export function postgresBinDir(): string {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'))) return dir;
  }
  if (existsSync(debianRoot)) {
    const versions = readdirSync(debianRoot)
      .filter((v) => existsSync(join(debianRoot, v, 'bin', 'initdb')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return join(debianRoot, versions[0], 'bin');
  }
  throw new Error('PostgreSQL server binaries (initdb, pg_ctl) are not on PATH nor under /usr/lib/postgresql/*/bin: install the postgresql package');
}

function userExists(name: string): boolean {
  return spawnSync('id', ['-u', name]).status === 0;
}

/** Under root: the user the server runs as, with its uid and gid. */
function serverUser(): { name: string; uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  const name = userExists('postgres') ? 'postgres' : 'nobody';
  const id = (flag: string) => Number(execFileSync('id', [flag, name], { encoding: 'utf8' }).trim());
  return { name, uid: id('-u'), gid: id('-g') };
}

export async function startPostgres(): Promise<PostgresCluster> {
  const bin = postgresBinDir();
  const user = serverUser();
  const root = mkdtempSync(join(tmpdir(), 'legacy-pg-'));
  const dataDir = join(root, 'data');
  if (user) {
    chownSync(root, user.uid, user.gid);
    chmodSync(root, 0o700);
  }
  const run = (tool: string, args: string[]) => {
    const command = user ? 'runuser' : join(bin, tool);
    const argv = user ? ['-u', user.name, '--', join(bin, tool), ...args] : args;
    const out = spawnSync(command, argv, { encoding: 'utf8', cwd: root });
    if (out.status !== 0) throw new Error(`${tool} failed (${out.status}): ${out.stderr || out.stdout}`);
    return out.stdout;
  };
  const version = run('postgres', ['--version']).trim();
  const port = await freePort();
  run('initdb', ['-D', dataDir, '-U', 'legacy', '--auth=trust', '--encoding=UTF8', '--no-locale', '--no-sync']);
  const options = `-c listen_addresses=${loopback} -p ${port} -k ${root} -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
  run('pg_ctl', ['-D', dataDir, '-o', options, '-l', join(root, 'server.log'), '-w', '-t', '60', 'start']);
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try {
      run('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
    } finally {
      rmSync(root, { recursive: true, force: true });
      process.removeListener('exit', stop);
    }
  };
  process.once('exit', stop);
  return { url: `postgres://legacy@${loopback}:${port}/postgres`, version, stop };
}
