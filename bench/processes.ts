/**
 * Child processes of a benchmark: started with tsx, report over IPC, stopped with SIGTERM; or
 * the API itself, built and started the way production starts it.
 */
import { type ChildProcess, fork, spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const benchDir = path.dirname(fileURLToPath(import.meta.url));
const apiDir = path.resolve(benchDir, '../packages/api');

export interface Child<T> {
  process: ChildProcess;
  message: T;
  stop(): Promise<void>;
}

export function startChild<T>(script: string, args: string[], env: Record<string, string>): Promise<Child<T>> {
  const child = fork(path.join(benchDir, script), args, {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', (message) => resolve({ process: child, message: message as T, stop: () => stop(child) }));
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise<void>((done) => {
    if (child.exitCode !== null || child.signalCode !== null) return done();
    child.once('exit', () => done());
    child.kill('SIGTERM');
  });
}

/** The production start command of the API: `node <flags> dist/main.js`, from its `start:prod` script. */
export function productionCommand(): { flags: string[]; script: string; text: string } {
  const manifest = JSON.parse(readFileSync(path.join(apiDir, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const text = manifest.scripts['start:prod'] ?? '';
  const words = text.trim().split(/\s+/);
  const script = words.at(-1) ?? '';
  if (words[0] !== 'node' || !script.endsWith('.js') || words.slice(1, -1).some((word) => !word.startsWith('-'))) {
    throw new Error(`packages/api start:prod is not "node <flags> <file>.js": ${text}`);
  }
  return { flags: words.slice(1, -1), script, text };
}

/** Builds the API (`pnpm --filter @escalate/api build`, the same esbuild bundle) so the run measures this tree. */
export function buildApi(): void {
  const result = spawnSync(process.execPath, ['build.mjs'], { cwd: apiDir, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`packages/api build failed (exit ${result.status})`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * Starts the compiled API as production does (`node <flags> dist/main.js` in packages/api,
 * configured through the environment, NODE_OPTIONS cleared) on a free port; ready once
 * /healthz answers. Its stdout (one log line per request) is discarded.
 */
export async function startApiProcess(
  node: { flags: string[]; script: string },
  env: Record<string, string>,
): Promise<Child<{ port: number }>> {
  const port = await freePort();
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env, HOST: '127.0.0.1', PORT: String(port) };
  delete childEnv.NODE_OPTIONS;
  const child = spawn(process.execPath, [...node.flags, node.script], {
    cwd: apiDir,
    env: childEnv,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`node ${node.script} exited with ${child.exitCode}`);
    const ready = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return { process: child, message: { port }, stop: () => stop(child) };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await stop(child);
  throw new Error(`node ${node.script} did not answer /healthz within 60 s`);
}

/** Resident set size of a process in MB (Linux); `peak`: its high-water mark since it started. */
export function rssMb(pid: number, which: 'now' | 'peak' = 'now'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const pattern = which === 'peak' ? /VmHWM:\s+(\d+)/ : /VmRSS:\s+(\d+)/;
  const kb = Number(pattern.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

/** CPU time (user + system) a process has used so far, in ms (Linux, 100 ticks a second). */
export function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10;
}
