import type { ChildProcess } from 'node:child_process';

/**
 * The shell a Java emulator runs under, so it cannot outlive the Node process that started it, however that process
 * ends (a crash, SIGKILL, a test worker killed on timeout): the shell keeps the end of a pipe from Node, and stops
 * Java when that pipe closes, which is also how stop() asks for it. It prints Java's pid first, ignores Ctrl-C (Node
 * handles it and stops everything in order) and passes SIGTERM/SIGHUP on to Java.
 * Run as `sh -c <watchdog> <command> <args...>`.
 */
export const pipeWatchdog = [
  "trap '' INT",
  'exec 3<&0',
  '"$0" "$@" 3<&- &',
  'pid=$!',
  'echo "child-pid=$pid"',
  'trap \'kill "$pid" 2>/dev/null\' TERM HUP',
  '( read _ <&3; kill "$pid" 2>/dev/null ) &',
  'wait "$pid"; status=$?',
  // A trapped signal ends `wait` early: wait for Java itself.
  'while kill -0 "$pid" 2>/dev/null; do wait "$pid"; status=$?; done',
  'exit $status',
].join('\n');

/** The pid the watchdog prints as its first line. */
export function watchdogChildPid(output: string): number | undefined {
  const match = /child-pid=(\d+)/.exec(output);
  return match ? Number(match[1]) : undefined;
}

/**
 * Stops a child started under `pipeWatchdog`: closes the pipe (the watchdog stops Java with SIGTERM), then, if it has
 * not exited after `graceMs`, SIGKILLs both. Resolves once the child has exited. While it runs, an `exit` hook kills
 * Java at once if this Node process exits without calling stop.
 */
export function superviseChild(
  child: ChildProcess,
  childPid: () => number | undefined,
  graceMs = 5_000,
): { stop(): Promise<void>; exited: Promise<void> } {
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  const kill = (pid: number | undefined) => {
    if (pid === undefined) return;
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  };
  const killOnExit = () => {
    kill(childPid());
    kill(child.pid);
  };
  process.once('exit', killOnExit);
  void exited.then(() => process.removeListener('exit', killOnExit));

  let stopping: Promise<void> | undefined;
  return {
    exited,
    stop() {
      stopping ??= (async () => {
        child.stdin?.end();
        if (child.exitCode !== null || child.signalCode !== null) return;
        const timer = setTimeout(killOnExit, graceMs);
        await exited;
        clearTimeout(timer);
      })();
      return stopping;
    },
  };
}
