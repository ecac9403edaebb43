import { IndexCorruptError, IndexUnwritableError, MinutebookError } from '../../errors.js';

/**
 * Turns SQLite's and the filesystem's failures into the errors users can act on: a damaged file
 * becomes IndexCorruptError (rebuild), a folder we may not write becomes IndexUnwritableError.
 * Anything else is left alone for `asMinutebookError` to wrap.
 */
export function classifyStoreError(error: unknown, where: { dir: string; dbFile: string }): unknown {
  if (error instanceof MinutebookError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return error;
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) {
    return new IndexCorruptError(where.dbFile, 'is damaged or not an index database', { cause: error });
  }
  if (
    code === 'SQLITE_CANTOPEN' ||
    code.startsWith('SQLITE_READONLY') ||
    code === 'SQLITE_PERM' ||
    code === 'EACCES' ||
    code === 'EPERM' ||
    code === 'EROFS' ||
    code === 'ENOTDIR' ||
    code === 'EEXIST'
  ) {
    return new IndexUnwritableError(where.dir, { cause: error });
  }
  return error;
}
