import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** File endings taken from a folder; a file named on its own is always tried, whatever its ending. */
const MINUTES_EXTENSIONS = new Set(['.txt', '.md', '.text', '.pdf', '.html', '.htm', '.docx']);

/**
 * Expands the command line's files and folders into minutes files, in a stable order. Folders are
 * walked recursively for minutes-like files; hidden entries are skipped. Paths that do not exist
 * are kept so the reader can report them by name.
 */
export function expandInputs(inputs: string[]): string[] {
  const files: string[] = [];
  for (const input of inputs) {
    let isDirectory = false;
    try {
      isDirectory = statSync(input).isDirectory();
    } catch {
      // Reported by the reader with the file's name.
    }
    if (isDirectory) files.push(...walk(input));
    else files.push(input);
  }
  return [...new Set(files)];
}

function walk(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    // Hidden entries and a folder's README are not minutes.
    if (entry.name.startsWith('.') || /^readme(\.|$)/i.test(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...walk(full));
    else if (MINUTES_EXTENSIONS.has(path.extname(entry.name).toLowerCase())) found.push(full);
  }
  return found;
}
