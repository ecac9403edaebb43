import { describe, expect, it } from 'vitest';
import { LLM_DEFAULTS, loadConfig } from '../src/config.js';
import { ConfigError } from '../src/errors.js';

const llmOf = (env: Record<string, string>) => loadConfig(env, '/tmp').llm;

describe('LLM settings', () => {
  it('are off without a key or base URL', () => {
    expect(llmOf({})).toBeNull();
  });

  it('default to a hosted model’s pace and window, or a CPU-hosted one’s for an endpoint on this machine', () => {
    expect(llmOf({ OPENAI_API_KEY: 'sk-x' })).toMatchObject({
      ...LLM_DEFAULTS.hosted,
      temperature: 0.1,
      structuredOutput: true,
      tokenLimitParam: 'max_tokens',
    });
    for (const baseUrl of ['http://127.0.0.1:11434/v1', 'http://localhost:8080/v1', 'http://[::1]:8000/v1']) {
      expect(llmOf({ OPENAI_BASE_URL: baseUrl })).toMatchObject(LLM_DEFAULTS.local);
    }
  });

  it('take timeouts beyond 300 s and the other settings as given', () => {
    expect(
      llmOf({
        OPENAI_BASE_URL: 'http://10.0.0.5:8000/v1',
        MINUTEBOOK_LLM_TIMEOUT_MS: '900000',
        MINUTEBOOK_LLM_TEMPERATURE: '0',
        MINUTEBOOK_LLM_TOKEN_LIMIT_PARAM: 'MAX_COMPLETION_TOKENS',
        MINUTEBOOK_LLM_STRUCTURED_OUTPUT: 'false',
        MINUTEBOOK_LLM_CONTEXT_TOKENS: '8192',
      }),
    ).toMatchObject({
      timeoutMs: 900_000,
      temperature: 0,
      tokenLimitParam: 'max_completion_tokens',
      structuredOutput: false,
      contextTokens: 8_192,
    });
  });

  it.each([
    ['MINUTEBOOK_LLM_TEMPERATURE', '3'],
    ['MINUTEBOOK_LLM_TEMPERATURE', 'warm'],
    ['MINUTEBOOK_LLM_TOKEN_LIMIT_PARAM', 'max_length'],
    ['MINUTEBOOK_LLM_CONTEXT_TOKENS', '512'],
  ])('reject a bad %s naming it', (key, value) => {
    expect(() => llmOf({ OPENAI_API_KEY: 'sk-x', [key]: value })).toThrow(ConfigError);
    expect(() => llmOf({ OPENAI_API_KEY: 'sk-x', [key]: value })).toThrow(key);
  });
});
