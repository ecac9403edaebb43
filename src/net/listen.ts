import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConfigError } from '../errors.js';

/** Options for {@link listen}. */
export interface ListenOptions {
  host: string;
  /** 0 for any free port. */
  port: number;
  /** Named in the error when the port is taken, e.g. "set PORT or pass --port". */
  portHint: string;
  handle: (req: IncomingMessage, res: ServerResponse) => void;
}

/** A listening HTTP server and the port it got. */
export interface Listening {
  server: Server;
  port: number;
  close(): Promise<void>;
}

/** Starts an HTTP server on `host:port`; a taken port or unknown host is a ConfigError saying what to set. */
export async function listen(options: ListenOptions): Promise<Listening> {
  const server = createServer(options.handle);
  // Slow or idle clients must not hold sockets for ever: Slack sends small bodies and waits 3 s.
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') {
        reject(new ConfigError(`port ${options.port} is already in use: ${options.portHint}`));
      } else if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND') {
        reject(new ConfigError(`cannot listen on host ${options.host}: set MINUTEBOOK_HOST or pass --host`));
      } else {
        reject(error);
      }
    });
    server.listen(options.port, options.host, () => resolve());
  });
  return {
    server,
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
