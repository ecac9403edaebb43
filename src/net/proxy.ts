import type { Dispatcher } from 'undici';
import type { ProxyConfig } from '../config.js';

let active: Dispatcher | undefined;

/** Whether any proxy variable is set. */
export function hasProxy(config: ProxyConfig): boolean {
  return config.httpProxy !== null || config.httpsProxy !== null;
}

/**
 * Sends every outbound request of this process through the configured proxy, honouring NO_PROXY.
 * It sets undici's global dispatcher, which Node's own `fetch` uses too, so the clients that call
 * `fetch` (OpenAI SDK, Slack Web API and Bolt's `respond`, ModernGov, transformers.js model
 * downloads, `model fetch`) all go through it without each being handed an agent. Clients that take
 * a dispatcher of their own (Socket Mode's WebSocket) get {@link proxyDispatcher}.
 *
 * With no proxy set nothing is loaded or changed: requests go out directly, as before.
 */
export async function useProxyFromConfig(config: ProxyConfig): Promise<void> {
  if (!hasProxy(config)) return;
  const { EnvHttpProxyAgent, setGlobalDispatcher } = await import('undici');
  // An unset variable must stay unset: undici would otherwise fall back to reading the environment.
  active = new EnvHttpProxyAgent({
    httpProxy: config.httpProxy ?? '',
    httpsProxy: config.httpsProxy ?? '',
    noProxy: config.noProxy ?? '',
  });
  setGlobalDispatcher(active);
}

/** The proxy-aware dispatcher set up by {@link useProxyFromConfig}, or undefined when there is no proxy. */
export function proxyDispatcher(): Dispatcher | undefined {
  return active;
}
