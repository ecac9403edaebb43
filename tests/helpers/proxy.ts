import { once } from 'node:events';
import { createServer, request, type Server } from 'node:http';
import { type AddressInfo, connect, type Socket } from 'node:net';

/** One request the proxy carried: a CONNECT tunnel (`host:port`) or a forwarded absolute URL. */
export interface ProxiedRequest {
  kind: 'connect' | 'forward';
  target: string;
}

/**
 * A real forward proxy on 127.0.0.1, as a council's would be: CONNECT tunnels (HTTPS, WebSockets,
 * and what undici sends for plain HTTP too) and absolute-URL forwarding for plain HTTP. It records
 * what it carried, so a test can see which clients went through it.
 */
export class TestProxy {
  readonly seen: ProxiedRequest[] = [];
  readonly #server: Server;
  readonly #sockets = new Set<Socket>();
  url = '';

  private constructor(server: Server) {
    this.#server = server;
  }

  static async start(): Promise<TestProxy> {
    const server = createServer();
    const proxy = new TestProxy(server);
    server.on('request', (req, res) => {
      const target = new URL(req.url ?? '/');
      proxy.seen.push({ kind: 'forward', target: target.href });
      const upstream = request(
        {
          host: target.hostname,
          port: target.port,
          path: `${target.pathname}${target.search}`,
          method: req.method,
          headers: req.headers,
        },
        (reply) => {
          res.writeHead(reply.statusCode ?? 502, reply.headers);
          reply.pipe(res);
        },
      );
      upstream.on('error', () => res.writeHead(502).end());
      req.pipe(upstream);
    });
    server.on('connect', (req, client: Socket, head: Buffer) => {
      const target = req.url ?? '';
      proxy.seen.push({ kind: 'connect', target });
      const [host, port] = target.split(':');
      const upstream = connect(Number(port), host ?? '127.0.0.1', () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.write(head);
        upstream.pipe(client);
        client.pipe(upstream);
      });
      for (const socket of [client, upstream]) {
        proxy.#sockets.add(socket);
        socket.on('close', () => proxy.#sockets.delete(socket));
        socket.on('error', () => {
          client.destroy();
          upstream.destroy();
        });
      }
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return proxy;
  }

  /** Whether anything went through to `host:port` (a URL's host part), tunnelled or forwarded. */
  carried(hostPort: string): boolean {
    return this.seen.some((r) => (r.kind === 'connect' ? r.target === hostPort : new URL(r.target).host === hostPort));
  }

  async stop(): Promise<void> {
    for (const socket of this.#sockets) socket.destroy();
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }
}
