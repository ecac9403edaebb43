import { IndexUnavailableError, MinutebookError } from '../../errors.js';
import type { PostgresTarget } from './url.js';

/** SQLSTATEs and socket errors that mean "cannot use this database as configured". */
const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ETIMEDOUT', 'ECONNRESET']);
const ACCESS: Record<string, string> = {
  '28P01': 'the password was refused',
  '28000': 'the user may not connect',
  '3D000': 'the database does not exist',
  '42501': 'the user lacks a privilege it needs (CREATE on the database, or the vector extension)',
  '0A000': 'the server lacks a feature it needs (is the pgvector extension installed?)',
  '58P01': 'the pgvector extension is not installed on the server',
};

/**
 * Turns the driver's connection and permission failures into one error naming the database (never
 * its password) and what to check. Anything else is left alone for `asMinutebookError` to wrap.
 */
export function classifyPgError(error: unknown, target: PostgresTarget): unknown {
  if (error instanceof MinutebookError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return error;
  const message = error instanceof Error ? error.message : String(error);
  if (UNREACHABLE.has(code)) {
    return new IndexUnavailableError(
      `cannot reach PostgreSQL at ${target.display} (${code}): is it running, and is MINUTEBOOK_DATABASE_URL right?`,
      { cause: error },
    );
  }
  const problem = ACCESS[code];
  if (problem) {
    return new IndexUnavailableError(`cannot use PostgreSQL at ${target.display}: ${problem} (${message})`, {
      cause: error,
    });
  }
  return error;
}
