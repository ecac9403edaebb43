import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import path from 'node:path';
import { cleanEnv } from './cli.js';
import { repoRoot } from './corpus.js';

/** A running `minutebook serve`, started as a user would, with what it printed so far. */
export interface ServeProcess {
  child: ChildProcess;
  /** stdout and stderr so far. */
  output(): string;
  /** HTTP mode: the events port. */
  port: number | null;
  /** The port of /healthz, /readyz and /metrics, when there is one. */
  opsPort: number | null;
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>;
}

/** A TCP port free right now on 127.0.0.1. */
export async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * Starts `bin/minutebook.js serve` and resolves once it says it is connected or listening (or
 * rejects with what it printed if it exits first).
 */
export async function startServe(args: string[], env: Record<string, string>): Promise<ServeProcess> {
  const child = spawn(process.execPath, [path.join(repoRoot, 'bin/minutebook.js'), 'serve', ...args], {
    cwd: repoRoot,
    env: cleanEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const started = new Promise<string>((resolve, reject) => {
    const onData = (d: Buffer) => {
      output += d.toString();
      const line = /Minutebook is (?:connected|listening)[^\n]*/.exec(output)?.[0];
      if (line) resolve(line);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`serve exited (${code}) before it was ready:\n${output}`)));
  });
  const line = await started;
  const port = /on [^\s:]+:(\d+) at/.exec(line)?.[1];
  const opsPort = /Health: http:\/\/[^/]+:(\d+)\//.exec(line)?.[1];
  return {
    child,
    output: () => output,
    port: port ? Number(port) : null,
    opsPort: opsPort ? Number(opsPort) : null,
    async stop() {
      if (child.exitCode !== null) return child.exitCode;
      const exited = once(child, 'exit') as Promise<[number | null]>;
      child.kill('SIGTERM');
      const [code] = await exited;
      return code;
    },
  };
}
