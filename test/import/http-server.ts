import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { dispatch } from './api';

const HOP_BY_HOP = new Set(['connection', 'transfer-encoding', 'keep-alive', 'content-length', 'host']);

/** Turns a node request into a fetch Request for the route handlers (the body read in full). */
async function toRequest(incoming: http.IncomingMessage, origin: string): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (value === undefined || HOP_BY_HOP.has(name)) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  const method = incoming.method ?? 'GET';
  const body = method === 'GET' || method === 'HEAD' ? undefined : Buffer.concat(chunks);
  return new Request(`${origin}${incoming.url}`, { method, headers, body });
}

/**
 * A real HTTP server in front of the bulk write route handlers (and GET users, which Zoho clients
 * call first), for clients that speak HTTP: the official Zoho SDK.
 */
export async function startRouteServer() {
  let origin = '';
  const requests: string[] = [];
  const server = http.createServer(async (incoming, outgoing) => {
    try {
      requests.push(`${incoming.method} ${incoming.url}`);
      const response = await dispatch(await toRequest(incoming, origin));
      const body = Buffer.from(await response.arrayBuffer());
      outgoing.writeHead(response.status, {
        ...Object.fromEntries(response.headers),
        'content-length': String(body.length),
      });
      outgoing.end(body);
    } catch (error) {
      outgoing.writeHead(500).end(String(error));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { origin, requests, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
