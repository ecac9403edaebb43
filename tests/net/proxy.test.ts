import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/index.js';
import { TestProxy } from '../helpers/proxy.js';
import { type FakeModernGov, startFakeModernGov } from '../moderngov/fake-moderngov.js';

/**
 * The proxy variables reach every outbound client the CLI uses, through a real proxy on 127.0.0.1.
 * (Slack, Socket Mode and OpenAI through a proxy are in tests/slack/serve.test.ts.)
 */
describe('outbound proxy', () => {
  let proxy: TestProxy;
  let moderngov: FakeModernGov;
  let hub: Server;
  let hubUrl: string;
  beforeAll(async () => {
    proxy = await TestProxy.start();
    moderngov = await startFakeModernGov();
    // A hub mirror that has nothing: the test is about where the request goes, not what comes back.
    hub = createServer((_req, res) => res.writeHead(404).end());
    await new Promise<void>((resolve) => hub.listen(0, '127.0.0.1', resolve));
    hubUrl = `http://127.0.0.1:${(hub.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await proxy.stop();
    await moderngov.close();
    await new Promise<void>((resolve) => hub.close(() => resolve()));
  });

  const listCommittees = () => ['sync', '--moderngov', `${moderngov.url}/northbridge`, '--list-committees'];

  it('sends ModernGov requests through HTTP_PROXY', async () => {
    const result = await runCli(listCommittees(), { env: { HTTP_PROXY: proxy.url } });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/Children and Young People Scrutiny Committee/);
    expect(proxy.carried(new URL(moderngov.url).host)).toBe(true);
  });

  it('sends the model download through the proxy', async () => {
    const result = await runCli(['model', 'fetch', '--from-hub', '--hub', hubUrl, '--dir', tempDir()], {
      env: { HTTP_PROXY: proxy.url, http_proxy: proxy.url },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/HTTP 404/);
    expect(proxy.carried(new URL(hubUrl).host)).toBe(true);
  });

  it('goes direct to hosts in NO_PROXY', async () => {
    const before = proxy.seen.length;
    const result = await runCli(listCommittees(), {
      env: { HTTP_PROXY: proxy.url, NO_PROXY: `localhost,${new URL(moderngov.url).host}` },
    });
    expect(result.code, result.stderr).toBe(0);
    expect(proxy.seen.length).toBe(before);
  });

  it('names a proxy variable that is not a URL, in one line', async () => {
    const result = await runCli(['stats'], { env: { HTTPS_PROXY: 'proxy.council.example:3128 please' } });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/HTTPS_PROXY is not a valid proxy URL/);
  });
});
