/**
 * What one minutes file may cost (issue 16, cases 3–5), in three tables. Prints numbers; asserts
 * nothing. Inputs are generated here, never committed.
 *
 * 1. Real minutes sizes — the corpus, the examples and the layout fixtures, and forty corpus meetings
 *    joined into one the size of a 200-page full-council meeting: characters, paragraphs (lines with
 *    text), words, items, passages. The limits in ingest/limits.ts are set from these.
 * 2. Hostile files, and the heaviest files within the limits, each through the real
 *    `minutebook parse` in a fresh process: exit code, wall time, peak RSS of that process (the
 *    parse child it starts is held to its own heap, MINUTEBOOK_PARSE_MEMORY_MB, and not counted),
 *    first line on stderr. Run on a commit before the limits for the "before".
 * 3. The parse process's overhead on the corpus: the child's start-up, and each file's read time in
 *    the child against in-process, over several rounds.
 *
 *   npm run build && npx tsx bench/hostile-inputs.ts [--only sizes|files|worker] [--file <name>] [--timeout 120]
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { DEFAULT_LIMITS } from '../ingest/limits.js';
import { loadManifest } from '../ingest/manifest.js';
import { readDocument } from '../ingest/read/index.js';
import { ParseWorker } from '../ingest/read/parse-worker.js';
import type { Meeting, SourceDocument } from '../src/types.js';
import {
  docxWithBody,
  minutesText,
  nestedDivs,
  tinyParagraphs,
  unclosedNestedTables,
} from '../support/hostile-files.js';
import { arg } from './options.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpusDir = path.resolve(root, '../shared/corpus');

// ---------------------------------------------------------------------------------------------
// Inputs
// ---------------------------------------------------------------------------------------------

/** A Word paragraph as Word writes one (revision ids, style, font, a bold run): 13 elements. */
function styledWordParagraph(text: string): string {
  return `<w:p w:rsidR="00A1B2C3" w:rsidRDefault="00D4E5F6"><w:pPr><w:pStyle w:val="BodyText"/><w:spacing w:after="120"/></w:pPr><w:r w:rsidRPr="00112233"><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial"/><w:sz w:val="22"/></w:rPr><w:t xml:space="preserve">${text} </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>resolved</w:t></w:r></w:p>`;
}

const HEADING = 'Minutes of the Full Council held at the Civic Centre on Tuesday, 4 March 2025.';

interface Input {
  name: string;
  file: string;
  make: () => Promise<Uint8Array | string>;
}

const HOSTILE: Input[] = [
  {
    name: 'docx 2.3 M paragraphs',
    file: 'paragraphs.docx',
    // Case 3: 2.3 M tiny paragraphs, about 300 KB zipped.
    make: () => docxWithBody(tinyParagraphs(2_300_000)),
  },
  {
    name: 'html nested tables',
    file: 'tables.html',
    // Case 4: 100 KB of unclosed nested tables.
    make: async () => unclosedNestedTables(Math.floor(100_000 / 16)),
  },
  {
    name: 'html 5k nested divs',
    file: 'divs.html',
    // Case 4: 5k nested divs around minutes of two items.
    make: async () => nestedDivs(5_000),
  },
  {
    name: 'text giant meeting',
    file: 'giant.txt',
    // Case 5 as a file: 19 MB of minutes text (under the 20 MB file limit), 16 k items of 160 words.
    make: async () => minutesText(16_000, 160),
  },
];

/** The heaviest files the limits let through, to show what they can still cost. */
const WITHIN_LIMITS: Input[] = [
  {
    name: 'docx at element limit',
    file: 'elements.docx',
    // 38 k paragraphs of 13 elements: 494 k elements, a minute number every 40 paragraphs.
    make: () =>
      docxWithBody(
        Array.from({ length: 38_000 }, (_, i) =>
          styledWordParagraph(i % 40 === 0 ? `${i / 40 + 1}.` : 'The committee noted the report on school transport'),
        ).join(''),
      ),
  },
  {
    name: 'html at paragraph limit',
    file: 'paragraphs.html',
    make: async () =>
      `<html><body><p>${HEADING}</p>${Array.from({ length: 79_000 }, (_, i) =>
        i % 40 === 0 ? `<p>${i / 40 + 1}.</p>` : '<p><span><b>noted it</b></span></p>',
      ).join('')}</body></html>`,
  },
  {
    name: 'text at paragraph limit',
    file: 'paragraphs.txt',
    // 1,000 items of 77 lines: 79 k paragraphs, 3.7 M characters.
    make: async () => minutesText(1_000, 6, 77),
  },
];

// ---------------------------------------------------------------------------------------------
// 1. Real minutes sizes
// ---------------------------------------------------------------------------------------------

function paragraphs(text: string): number {
  return text.split('\n').filter((line) => line.trim()).length;
}

function sizeRow(name: string, text: string, meeting: Meeting): string {
  const words = text.split(/\s+/).filter(Boolean).length;
  const passages = meeting.items.reduce((n, item) => n + item.passages.length, 0);
  return `${name.padEnd(44)} ${String(text.length).padStart(9)} ${String(paragraphs(text)).padStart(7)} ${String(words).padStart(8)} ${String(meeting.items.length).padStart(6)} ${String(passages).padStart(8)}`;
}

async function realSizes(): Promise<void> {
  console.log('\n1. Real minutes sizes');
  console.log(
    `${'file'.padEnd(44)} ${'chars'.padStart(9)} ${'paras'.padStart(7)} ${'words'.padStart(8)} ${'items'.padStart(6)} ${'passages'.padStart(8)}`,
  );
  const dirs = [corpusDir, path.join(root, 'examples'), path.join(root, 'tests/fixtures/layouts')];
  const texts: string[] = [];
  for (const dir of dirs.filter(existsSync)) {
    const manifestFile = path.join(dir, 'meetings.json');
    const manifest = existsSync(manifestFile) ? loadManifest(manifestFile) : undefined;
    for (const name of readdirSync(dir)
      .filter((f) => f.endsWith('.txt'))
      .sort()) {
      const file = path.join(dir, name);
      const text = readFileSync(file, 'utf8');
      const hints = manifest?.hintsFor(file);
      const meeting = await readDocument({ source: file, bytes: Buffer.from(text), ...(hints ? { hints } : {}) });
      if (dir === corpusDir) texts.push(text);
      console.log(sizeRow(`${path.basename(dir)}/${name}`, text, meeting));
    }
  }
  if (texts.length) {
    const joined = Array.from({ length: 40 }, (_, i) => texts[i % texts.length]).join('\n\n');
    const started = performance.now();
    const meeting = await readDocument({ source: 'joined', bytes: Buffer.from(joined) });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(sizeRow(`40 corpus meetings joined (~200 pages; ${seconds} s)`, joined, meeting));
  }
  const html = readFileSync(path.join(root, 'tests/fixtures/html/northbridge-2024-06-18.html'), 'utf8');
  const { load } = await import('cheerio');
  let depth = 0;
  let elements = 0;
  const walk = (node: { type: string; children?: unknown[] }, level: number): void => {
    if (node.type === 'tag') {
      elements++;
      depth = Math.max(depth, level);
    }
    for (const child of node.children ?? []) walk(child as typeof node, level + (node.type === 'tag' ? 1 : 0));
  };
  walk(load(html).root().get(0) as never, 0);
  console.log(`ModernGov page fixture: ${elements} elements, nested ${depth} deep`);
}

// ---------------------------------------------------------------------------------------------
// 2. Files through `minutebook parse`
// ---------------------------------------------------------------------------------------------

/** Written to stderr by the child at exit: its peak RSS. */
const PROBE = `import { writeSync } from 'node:fs'; process.on('exit', () => writeSync(2, '\\nRSS_PROBE ' + process.resourceUsage().maxRSS + '\\n'));`;

interface Run {
  code: number | null;
  signal: string | null;
  seconds: number;
  peakMb: number | null;
  message: string;
}

function runParse(file: string, timeoutS: number): Promise<Run> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(
      process.execPath,
      [
        '--import',
        `data:text/javascript,${encodeURIComponent(PROBE)}`,
        path.join(root, 'bin/minutebook.js'),
        'parse',
        file,
        '--json',
      ],
      { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, LOG_LEVEL: 'warn' } },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 100_000) stderr += chunk.toString();
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutS * 1000);
    // A process that dies of its heap limit never reaches its exit handler: watch its high-water mark (Linux).
    let watchedKb = 0;
    const watch = setInterval(() => {
      try {
        const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (hwm) watchedKb = Math.max(watchedKb, Number(hwm[1]));
      } catch {
        // Not Linux, or the process is gone.
      }
    }, 100);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      clearInterval(watch);
      const probe = /RSS_PROBE (\d+)/.exec(stderr);
      const message =
        stderr
          .split('\n')
          .find((line) => line.trim() && !line.startsWith('RSS_PROBE') && !line.startsWith('<---'))
          ?.slice(0, 110) ?? '';
      resolve({
        code,
        signal,
        seconds: (performance.now() - started) / 1000,
        peakMb: probe ? Number(probe[1]) / 1024 : watchedKb ? watchedKb / 1024 : null,
        message: signal === 'SIGKILL' ? `killed after ${timeoutS} s` : message,
      });
    });
  });
}

async function files(timeoutS: number, only: string): Promise<void> {
  console.log('\n2. Files through `minutebook parse` (fresh process each)');
  console.log(
    `${'input'.padEnd(26)} ${'size'.padStart(9)} ${'exit'.padStart(7)} ${'seconds'.padStart(8)} ${'peak RSS'.padStart(9)}  stderr`,
  );
  const dir = mkdtempSync(path.join(os.tmpdir(), 'minutebook-hostile-'));
  try {
    for (const [group, inputs] of [
      ['hostile', HOSTILE],
      ['within the limits', WITHIN_LIMITS],
    ] as const) {
      console.log(`-- ${group}`);
      for (const input of inputs.filter((i) => !only || i.name.includes(only))) {
        const file = path.join(dir, input.file);
        const content = await input.make();
        writeFileSync(file, content);
        const size = typeof content === 'string' ? Buffer.byteLength(content) : content.byteLength;
        const run = await runParse(file, timeoutS);
        const exit = run.signal ?? String(run.code);
        const peak = run.peakMb === null ? 'n/a' : `${run.peakMb.toFixed(0)} MB`;
        console.log(
          `${input.name.padEnd(26)} ${`${(size / 1024).toFixed(0)} KB`.padStart(9)} ${exit.padStart(7)} ${run.seconds.toFixed(1).padStart(8)} ${peak.padStart(9)}  ${run.message.replace(dir, '…')}`,
        );
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// 3. The parse process's overhead
// ---------------------------------------------------------------------------------------------

async function workerOverhead(rounds: number): Promise<void> {
  console.log('\n3. Parse process overhead on the corpus');
  const dir = existsSync(corpusDir) ? corpusDir : path.join(root, 'examples');
  const manifest = loadManifest(path.join(dir, 'meetings.json'));
  const docs: SourceDocument[] = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((name) => {
      const file = path.join(dir, name);
      const hints = manifest.hintsFor(file);
      return { source: file, bytes: readFileSync(file), ...(hints ? { hints } : {}) };
    });
  const worker = new ParseWorker(DEFAULT_LIMITS);
  try {
    const started = performance.now();
    await worker.read(docs[0] as SourceDocument);
    const firstMs = performance.now() - started;
    const pass = async (read: (doc: SourceDocument) => Promise<Meeting>): Promise<number> => {
      const passStarted = performance.now();
      for (const doc of docs) await read(doc);
      return (performance.now() - passStarted) / docs.length;
    };
    // Both warmed by a first pass, then measured in alternating passes so neither gains from going later.
    const inProcess: number[] = [];
    const inChild: number[] = [];
    for (let round = 0; round <= rounds; round++) {
      const a = await pass((doc) => readDocument(doc));
      const b = await pass((doc) => worker.read(doc));
      if (round === 0) continue;
      inProcess.push(a);
      inChild.push(b);
    }
    const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)] ?? 0;
    console.log(`${docs.length} files × ${rounds} rounds from ${dir}`);
    console.log(`process start-up and first file: ${firstMs.toFixed(0)} ms (once per run)`);
    console.log(
      `median per file, in-process: ${median(inProcess).toFixed(1)} ms; in the process: ${median(inChild).toFixed(1)} ms; ` +
        `overhead ${(median(inChild) - median(inProcess)).toFixed(1)} ms a file`,
    );
  } finally {
    await worker.close();
  }
  console.log(
    `peak RSS of this process (bench and in-process reads; the child is apart): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
  );
}

const only = arg('--only', '');
if (!only || only === 'sizes') await realSizes();
if (!only || only === 'files') await files(Number(arg('--timeout', '120')), arg('--file', ''));
if (!only || only === 'worker') await workerOverhead(Number(arg('--rounds', '20')));
