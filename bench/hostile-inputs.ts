/**
 * Hostile minutes files (issue 16, cases 3–5): for each, the real `minutebook parse` in a fresh
 * process — exit code, wall time, peak RSS and the first line it printed on stderr. Generated here,
 * never committed: a Word file of millions of tiny paragraphs, unclosed nested tables, deeply
 * nested divs, and a text file of one giant meeting. Prints a table; asserts nothing.
 *
 *   npm run build && npx tsx bench/hostile-inputs.ts [--only docx-paragraphs] [--timeout 120]
 *
 * Run it on a commit before the limits and after them for the before/after numbers.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

/** A .docx whose body is `body` (WordprocessingML inside `<w:body>`), zipped as Word does. */
async function docxWithBody(body: string): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
  );
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

/** Numbered minute items of made-up text, `words` words each, as a clerk would type them. */
function giantMinutes(items: number, words: number): string {
  const vocabulary = 'the committee noted report budget school transport housing officers resolved members'.split(' ');
  const lines = ['Minutes of the Full Council held at the Civic Centre on Tuesday, 4 March 2025.', ''];
  for (let n = 1; n <= items; n++) {
    lines.push(`${n}.`, `Report ${n}`, '');
    const body: string[] = [];
    for (let w = 0; w < words; w++) body.push(vocabulary[(n * 7 + w * 3) % vocabulary.length] ?? 'the');
    lines.push(`${body.join(' ')}.`, '');
  }
  return lines.join('\n');
}

interface Input {
  name: string;
  file: string;
  make: () => Promise<Uint8Array | string>;
}

const INPUTS: Input[] = [
  {
    name: 'docx-paragraphs',
    file: 'paragraphs.docx',
    // Issue 16 case 3: 2.3 M tiny paragraphs, about 315 KB zipped.
    make: () => docxWithBody('<w:p><w:r><w:t>a</w:t></w:r></w:p>'.repeat(2_300_000)),
  },
  {
    name: 'html-nested-tables',
    file: 'tables.html',
    // Case 4: 100 KB of unclosed nested tables.
    make: async () => `<html><body>${'<table><tr><td>x'.repeat(Math.floor(100_000 / 16))}</body></html>`,
  },
  {
    name: 'html-nested-divs',
    file: 'divs.html',
    // Case 4: 5k nested divs.
    make: async () =>
      `<html><body>${'<div>'.repeat(5_000)}1. Minutes<p>The minutes were agreed.</p>${'</div>'.repeat(5_000)}</body></html>`,
  },
  {
    name: 'text-giant-meeting',
    file: 'giant.txt',
    // Case 5 as a file: ~19 MB of minutes text (under the 20 MB file limit), 16k items of 160 words.
    make: async () => giantMinutes(16_000, 160),
  },
];

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
          ?.slice(0, 160) ?? '';
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

const only = arg('--only', '');
const timeoutS = Number(arg('--timeout', '120'));
const dir = mkdtempSync(path.join(os.tmpdir(), 'minutebook-hostile-'));
try {
  console.log('input                 size      exit   seconds  peak RSS  stderr');
  for (const input of INPUTS.filter((i) => !only || i.name === only)) {
    const file = path.join(dir, input.file);
    const content = await input.make();
    writeFileSync(file, content);
    const size = typeof content === 'string' ? Buffer.byteLength(content) : content.byteLength;
    const run = await runParse(file, timeoutS);
    const exit = run.signal ?? String(run.code);
    const peak = run.peakMb === null ? 'n/a' : `${run.peakMb.toFixed(0)} MB`;
    console.log(
      `${input.name.padEnd(21)} ${`${(size / 1024).toFixed(0)} KB`.padStart(9)} ${exit.padStart(7)} ${run.seconds.toFixed(1).padStart(9)} ${peak.padStart(9)}  ${run.message}`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
