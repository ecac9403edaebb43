import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import type { Logger } from '../logger.js';

/** Token shapes Slack issues; masked in anything Bolt or its clients log. */
const TOKEN_PATTERN = /\b(xox[abposre]|xapp)-[A-Za-z0-9-]+/g;

/** Replaces Slack tokens and the given secret values in `text` with "[redacted]". */
export function scrubSecrets(text: string, secrets: readonly string[]): string {
  let out = text.replace(TOKEN_PATTERN, '[redacted]');
  for (const secret of secrets) {
    if (secret.length >= 8) out = out.split(secret).join('[redacted]');
  }
  return out;
}

function render(parts: unknown[], secrets: readonly string[]): string {
  const text = parts
    .map((part) => {
      if (typeof part === 'string') return part;
      if (part instanceof Error) return part.message;
      try {
        return JSON.stringify(part);
      } catch {
        return String(part);
      }
    })
    .join(' ');
  return scrubSecrets(text, secrets);
}

const PINO_TO_BOLT: Record<string, LogLevel> = {
  trace: LogLevel.DEBUG,
  debug: LogLevel.DEBUG,
  info: LogLevel.INFO,
  warn: LogLevel.WARN,
  error: LogLevel.ERROR,
  fatal: LogLevel.ERROR,
};

/**
 * Bolt, its Web API client and the Socket Mode client log through this, into our pino logger. Bolt
 * logs free-form strings (pino redaction cannot see inside them), so tokens and the given secrets are
 * masked in the text itself. Our log level rules: Bolt's setLevel is ignored.
 */
export function boltLogger(logger: Logger, secrets: readonly string[]): BoltLogger {
  const child = logger.child({ component: 'slack-sdk' });
  return {
    debug: (...msg: unknown[]) => child.debug(render(msg, secrets)),
    info: (...msg: unknown[]) => child.info(render(msg, secrets)),
    warn: (...msg: unknown[]) => child.warn(render(msg, secrets)),
    error: (...msg: unknown[]) => child.error(render(msg, secrets)),
    setLevel: () => {},
    getLevel: () => PINO_TO_BOLT[child.level] ?? LogLevel.INFO,
    setName: () => {},
  };
}
