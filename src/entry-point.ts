import { type ChildProcess, fork } from 'node:child_process';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * Starts code that runs apart from the caller (a worker thread or a child process) from an entry
 * module that sits beside the caller. Installed, that is the compiled `<name>.js`; in development
 * (tests, benches, `npm run dev`, where the caller is TypeScript run by tsx) it is `<name>.ts`,
 * loaded through tsx in the new thread or process. One place knows both, so each kind of worker
 * does not carry its own copy.
 */
function entryBeside(callerUrl: string, name: string): { url: URL; typescript: boolean } {
  const typescript = callerUrl.endsWith('.ts');
  return { url: new URL(`./${name}.${typescript ? 'ts' : 'js'}`, callerUrl), typescript };
}

/** A worker thread running the entry `name` beside `callerUrl` (pass `import.meta.url`). */
export function startThread(callerUrl: string, name: string, options: WorkerOptions = {}): Worker {
  const entry = entryBeside(callerUrl, name);
  if (!entry.typescript) return new Worker(entry.url, options);
  const tsx = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry.url.href)}); });`;
  return new Worker(boot, { ...options, eval: true });
}

/**
 * A child process running the entry `name` beside `callerUrl`, with an IPC channel that carries
 * structured-clone messages (Buffers, Maps and Dates arrive as they left). `nodeOptions` are
 * Node's own flags for the child, such as its heap size; its stdout is dropped and its stderr piped.
 */
export function startProcess(callerUrl: string, name: string, nodeOptions: string[] = []): ChildProcess {
  const entry = entryBeside(callerUrl, name);
  const loader = entry.typescript ? ['--import', import.meta.resolve('tsx/esm')] : [];
  return fork(entry.url, [], {
    execArgv: [...loader, ...nodeOptions],
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
}
