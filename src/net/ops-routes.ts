import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Readiness } from './health.js';

/** Something that renders metrics in Prometheus' text format. */
export interface MetricsPage {
  render(): Promise<{ contentType: string; body: string }>;
}

/** The operations endpoints, served beside Slack's in HTTP mode or on their own port in Socket Mode. */
export interface OpsEndpoints {
  readiness: Readiness;
  metrics?: MetricsPage;
}

/** The paths {@link handleOpsRequest} answers. */
export const OPS_PATHS = ['/healthz', '/readyz', '/metrics'] as const;

function send(res: ServerResponse, status: number, contentType: string, body: string): void {
  res.writeHead(status, { 'content-type': contentType, 'cache-control': 'no-store' });
  res.end(body);
}

/**
 * Answers `GET /healthz` (200 while the process serves HTTP), `GET /readyz` (200 when every
 * readiness check passes, else 503, with the checks as JSON) and `GET /metrics`. Returns false for
 * any other request, for the caller to route.
 */
export function handleOpsRequest(req: IncomingMessage, res: ServerResponse, ops: OpsEndpoints): boolean {
  const path = new URL(req.url ?? '/', 'http://local').pathname;
  if (!(OPS_PATHS as readonly string[]).includes(path)) return false;
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    send(res, 405, 'text/plain; charset=utf-8', 'method not allowed\n');
    return true;
  }
  if (path === '/healthz') {
    send(res, 200, 'text/plain; charset=utf-8', 'ok\n');
  } else if (path === '/readyz') {
    const report = ops.readiness.report();
    send(res, report.ready ? 200 : 503, 'application/json', `${JSON.stringify(report)}\n`);
  } else if (!ops.metrics) {
    send(res, 404, 'text/plain; charset=utf-8', 'metrics are not enabled\n');
  } else {
    ops.metrics.render().then(
      ({ contentType, body }) => send(res, 200, contentType, body),
      (error: unknown) => send(res, 500, 'text/plain; charset=utf-8', `metrics failed: ${String(error)}\n`),
    );
  }
  return true;
}
