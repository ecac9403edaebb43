import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpStatusError, PoliteFetcher } from '../../ingest/moderngov/http.js';
import { Limiter } from '../../src/limiter.js';

let url = '';
const seen: string[] = [];
let answers: Array<{ status: number; headers?: Record<string, string>; body?: string }> = [];
const server = createServer((req, res) => {
  seen.push(req.url ?? '');
  const next = answers.shift() ?? { status: 200, body: 'ok' };
  res.writeHead(next.status, next.headers ?? {});
  res.end(next.body ?? '');
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const fetcher = (options: Partial<ConstructorParameters<typeof PoliteFetcher>[0]> = {}) =>
  new PoliteFetcher({ userAgent: 'Minutebook/test', backoffMs: 1, retries: 2, ...options });

describe('PoliteFetcher', () => {
  it('retries 429 as told by Retry-After, then succeeds', async () => {
    seen.length = 0;
    answers = [
      { status: 429, headers: { 'retry-after': '0' } },
      { status: 200, body: 'minutes' },
    ];
    const body = await fetcher().request(`${url}/a`);
    expect(body.text()).toBe('minutes');
    expect(seen).toEqual(['/a', '/a']);
  });

  it('does not retry a 404, and says to check the base URL', async () => {
    seen.length = 0;
    answers = [{ status: 404 }];
    const error = await fetcher()
      .request(`${url}/missing`)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpStatusError);
    expect((error as Error).message).toMatch(/answered HTTP 404: check the ModernGov base URL/);
    expect(seen).toEqual(['/missing']);
  });

  it('refuses a response larger than the limit', async () => {
    answers = [{ status: 200, body: 'x'.repeat(5_000) }];
    await expect(fetcher({ maxBytes: 1_000, retries: 0 }).request(`${url}/big`)).rejects.toThrow(
      /over the 1000-byte limit/,
    );
  });

  it('checks its options where they enter', () => {
    expect(() => fetcher({ timeoutMs: 0 })).toThrow(/timeoutMs must be more than 0/);
    expect(() => new Limiter(0)).toThrow(/concurrency must be at least 1/);
  });
});

describe('Limiter', () => {
  it('never runs more than its limit at once and runs everything', async () => {
    const limiter = new Limiter(2);
    let running = 0;
    let most = 0;
    const gates: Array<() => void> = [];
    const tasks = Array.from({ length: 6 }, (_, i) =>
      limiter.run(async () => {
        running++;
        most = Math.max(most, running);
        await new Promise<void>((resolve) => gates.push(resolve));
        running--;
        return i;
      }),
    );
    // Release tasks one at a time as they arrive; at most two can ever be waiting.
    while (gates.length > 0 || running > 0) {
      await new Promise((resolve) => setImmediate(resolve));
      gates.shift()?.();
    }
    expect(await Promise.all(tasks)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(most).toBe(2);
  });
});
