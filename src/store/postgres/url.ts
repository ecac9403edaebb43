import { BadInputError } from '../../errors.js';

/** Where a PostgreSQL index lives: the connection and the schema that holds its tables. */
export interface PostgresTarget {
  /** The URL as given, less our own `schema` parameter (passed to the `pg` client as is). */
  connectionString: string;
  /** The schema of the index's tables; `minutebook` unless the URL says `?schema=`. */
  schema: string;
  /** The URL without its password, for messages and logs. */
  display: string;
}

export const DEFAULT_SCHEMA = 'minutebook';
/** Short enough that `<schema>_rebuild` and `<schema>_slack` stay within PostgreSQL's 63-byte names. */
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,40}$/;

/**
 * Reads a PostgreSQL URL. Everything but `schema` (several indexes, or test runs, can share one
 * database in schemas of their own) is the `pg` client's: host, port, user, password, database,
 * `sslmode`, `sslrootcert`, `application_name`…
 */
export function parseDatabaseUrl(raw: string): PostgresTarget {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new BadInputError(`the database URL is not a valid URL (got "${redactUrl(raw)}")`);
  }
  const schema = url.searchParams.get('schema') ?? DEFAULT_SCHEMA;
  if (!SCHEMA_NAME.test(schema)) {
    throw new BadInputError(
      `the database URL's schema must be lower-case letters, digits and _, at most 41 long (got "${schema}")`,
    );
  }
  url.searchParams.delete('schema');
  return { connectionString: url.toString(), schema, display: `${redactUrl(url.toString())} (schema ${schema})` };
}

/** The URL with any password replaced, safe for messages and logs. */
export function redactUrl(raw: string): string {
  try {
    const url = new URL(raw);
    if (url.password) url.password = '***';
    url.searchParams.delete('password');
    return url.toString();
  } catch {
    return raw.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
  }
}

/** A schema name quoted as an identifier (already checked against SCHEMA_NAME). */
export function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
