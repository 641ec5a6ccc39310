import { randomBytes } from 'node:crypto';
import { subscribe } from 'node:diagnostics_channel';
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';

/**
 * The TCP peer of a request, which Next.js does not show to route handlers and server actions. Next.js puts
 * the socket address into X-Forwarded-For only when the client sent none (`??=`), so from inside the app a
 * forged header and a real address look the same. Node's `http.server.request.start` diagnostics channel
 * fires for every request before any handler runs; we stamp the socket address onto the request there,
 * with a secret of this process, so a client cannot send a stamp of its own.
 */

const HEADER = 'x-serialstock-peer';
const holder = globalThis as unknown as { __serialstockPeerSecret?: string };

/** Starts stamping (once per process, from instrumentation.ts, before the first request). */
export function stampPeerAddresses(): void {
  if (holder.__serialstockPeerSecret) return;
  const secret = randomBytes(16).toString('hex');
  holder.__serialstockPeerSecret = secret;
  subscribe('http.server.request.start', (message) => {
    const { request, socket } = message as { request: IncomingMessage; socket: Socket };
    // Always overwritten: whatever the client sent under this name is gone before Next.js reads the headers.
    request.headers[HEADER] = `${secret} ${socket.remoteAddress ?? ''}`;
  });
}

/** The socket address this process stamped on the request, or null (not stamped, or a forged stamp). */
export function peerAddress(headers: Headers): string | null {
  const secret = holder.__serialstockPeerSecret;
  const [given, address] = (headers.get(HEADER) ?? '').split(' ');
  return secret && given === secret && address ? address : null;
}

/** The header a stamped request carries, for tests that call handlers without an HTTP server. */
export function stampedPeerHeader(address: string): Record<string, string> {
  stampPeerAddresses();
  return { [HEADER]: `${holder.__serialstockPeerSecret} ${address}` };
}
