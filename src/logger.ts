import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger } from 'pino';

/**
 * Paths pino blanks in every log line. Secrets can arrive in config objects, HTTP headers and Slack
 * payloads; listing them here means no call site has to remember.
 */
export const REDACTED_PATHS = [
  'token',
  'botToken',
  'appToken',
  'signingSecret',
  'apiKey',
  'authorization',
  '*.token',
  '*.botToken',
  '*.appToken',
  '*.signingSecret',
  '*.apiKey',
  '*.authorization',
  '*.headers.authorization',
  'headers.authorization',
  '*.headers["x-slack-signature"]',
  'req.headers.authorization',
  'config.slack.botToken',
  'config.slack.appToken',
  'config.slack.signingSecret',
  'config.llm.apiKey',
];

export interface LoggerOptions {
  level?: string;
  /** Where lines go; stderr by default so `--json` output on stdout stays clean. */
  destination?: DestinationStream;
}

/** Builds the one logger of a process. Logs go to stderr: stdout belongs to command output. */
export function createLogger(options: LoggerOptions = {}): Logger {
  return pino(
    {
      level: options.level ?? process.env.LOG_LEVEL ?? 'info',
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      base: { app: 'minutebook' },
    },
    options.destination ?? pino.destination(2),
  );
}
