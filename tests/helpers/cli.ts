import { spawn } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from './corpus.js';

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The environment without anything of the developer's that would change what is tested, plus `extra`. */
export function cleanEnv(extra: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !/^(OPENAI_|SLACK_|MINUTEBOOK_)|_proxy$/i.test(key)) env[key] = value;
  }
  return { ...env, ...extra };
}

/**
 * Runs the real `minutebook` command line in a child process, as a user would. `env` is added to
 * a clean environment (no OpenAI, Slack or proxy variables leak in from the developer's shell).
 */
export function runCli(
  args: string[],
  options: { env?: Record<string, string>; cwd?: string } = {},
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(repoRoot, 'bin/minutebook.js'), ...args], {
      cwd: options.cwd ?? repoRoot,
      env: cleanEnv({ LOG_LEVEL: 'warn', ...options.env }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
