import { readFile, stat } from 'node:fs/promises';
import iconv from 'iconv-lite';
import { BadMinutesFileError } from '../../src/errors.js';
import { DEFAULT_LIMITS, formatCount, type IngestLimits, limitExceeded } from '../limits.js';

/**
 * Reads a file's bytes, refusing what cannot be minutes before reading it all: a missing or
 * unreadable path, a folder, an empty file, or one over the `maxFileBytes` limit.
 */
export async function readSourceBytes(
  file: string,
  limits: Pick<IngestLimits, 'maxFileBytes'> = DEFAULT_LIMITS,
): Promise<Uint8Array> {
  let size: number;
  try {
    const info = await stat(file);
    if (info.isDirectory()) throw new BadMinutesFileError(file, 'is a folder; give the files inside it');
    size = info.size;
  } catch (error) {
    if (error instanceof BadMinutesFileError) throw error;
    throw new BadMinutesFileError(file, `cannot be read (${describeFsError(error)}); check the path`, { cause: error });
  }
  if (size === 0) throw new BadMinutesFileError(file, 'is empty; nothing to parse');
  if (size > limits.maxFileBytes) {
    throw limitExceeded(
      file,
      'maxFileBytes',
      `is ${megabytes(size)} MB, over the ${megabytes(limits.maxFileBytes)} MB limit for one meeting's minutes`,
    );
  }
  try {
    return await readFile(file);
  } catch (error) {
    throw new BadMinutesFileError(file, `cannot be read (${describeFsError(error)}); check its permissions`, {
      cause: error,
    });
  }
}

function megabytes(bytes: number): string {
  return formatCount(Math.round((bytes / 1024 / 1024) * 10) / 10);
}

function describeFsError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return typeof code === 'string' ? code : error instanceof Error ? error.message : String(error);
}

/**
 * Decodes minutes text: UTF-8 when the bytes are valid UTF-8, otherwise Windows-1252 (what Word
 * and older council systems save, full of £ and curly quotes). A byte-order mark is dropped.
 */
export function decodeText(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = iconv.decode(Buffer.from(bytes), 'win1252');
  }
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

const LIGATURES: Record<string, string> = {
  '\uFB00': 'ff',
  '\uFB01': 'fi',
  '\uFB02': 'fl',
  '\uFB03': 'ffi',
  '\uFB04': 'ffl',
  '\uFB05': 'st',
  '\uFB06': 'st',
};

/**
 * Normalises layout noise without touching the words: line endings, non-breaking and other odd
 * spaces, zero-width characters, typographic ligatures, and runs of spaces within a line.
 */
export function normalizeText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\uFB00-\uFB06]/g, (ch) => LIGATURES[ch] ?? ch)
    .replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, '')
    .replace(/[\u00A0\u2000-\u200A\u202F\u205F\u3000\t]/g, ' ')
    .replace(/ {2,}/g, ' ')
    .replace(/ +\n/g, '\n')
    .replace(/\n +/g, '\n');
}
