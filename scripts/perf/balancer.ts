// A small round-robin HTTP load balancer for `npm run load -- --instances N`: what a real one (nginx, HAProxy, a
// cloud balancer) does for this app, and nothing more. No sticky sessions, so a browser's consecutive requests
// land on different instances, which is the point: whatever an instance would keep to itself shows up as a failure.
// Run as its own process (`node --import tsx scripts/perf/balancer.ts <port> <upstream>...`) so proxying does not
// share an event loop with the load generator whose timings it would skew.
import http from 'node:http';
import { pathToFileURL } from 'node:url';

export type UpstreamStats = { url: string; requests: number; retried: number; errors: number };
/** GET on this path is answered by the balancer itself: requests forwarded per upstream. */
export const STATS_PATH = '/__balancer/stats';

type Target = { url: URL; stats: UpstreamStats };

export function startBalancer(port: number, upstreams: string[]): Promise<http.Server> {
  const targets: Target[] = upstreams.map((url) => ({
    url: new URL(url),
    stats: { url, requests: 0, retried: 0, errors: 0 },
  }));
  // Keep-alive to the upstreams, as production balancers do: a new TCP connection per request would cost the
  // instances CPU that a real deployment does not pay.
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  let next = 0;
  const server = http.createServer(async (request, response) => {
    if (request.url === STATS_PATH) {
      response.writeHead(200, { 'content-type': 'application/json' });
      return response.end(JSON.stringify(targets.map((t) => t.stats)));
    }
    const target = targets[next++ % targets.length];
    target.stats.requests++;
    // Buffered (the load's bodies are a few KB), so a request can be sent again; see forward.
    const chunks: Buffer[] = [];
    try {
      for await (const chunk of request) chunks.push(chunk as Buffer);
    } catch {
      return response.destroy(); // the client went away mid-request
    }
    forward(agent, target, request, Buffer.concat(chunks), response, true);
  });
  // autocannon and the checks keep connections open; the default 5 s keep-alive would close some mid-run.
  server.keepAliveTimeout = 65_000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

/**
 * Sends one request upstream and pipes the answer back. An upstream closes an idle keep-alive connection when it
 * likes (Node's 5 s by default); a request sent on it at that moment meets ECONNRESET before any answer. The
 * upstream never read it, so it is sent once more on a fresh connection (what Node's documentation of
 * `request.reusedSocket` advises, and what nginx does); any other failure is a 502.
 */
function forward(
  agent: http.Agent,
  target: Target,
  request: http.IncomingMessage,
  body: Buffer,
  response: http.ServerResponse,
  mayRetry: boolean,
): void {
  const peer = request.socket.remoteAddress ?? '';
  const forwarded = request.headers['x-forwarded-for'];
  const upstream = http.request(
    {
      agent,
      host: target.url.hostname,
      port: target.url.port,
      method: request.method,
      path: request.url,
      // Host stays the client's (the balancer's address), so the origin checks see the public address; the peer
      // is appended to X-Forwarded-For, which the instances read with TRUST_PROXY=1.
      headers: { ...request.headers, 'x-forwarded-for': forwarded ? `${forwarded}, ${peer}` : peer },
    },
    (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.rawHeaders);
      answer.pipe(response);
    },
  );
  // A client that gave up (autocannon's 10 s timeout closes its connection) takes its upstream request with it, as
  // nginx does by default and as a direct connection to the instance would: otherwise the instance goes on working
  // for nobody on a connection of its own while the client's next request opens another.
  response.on('close', () => {
    if (!response.writableFinished) upstream.destroy();
  });
  upstream.on('error', (error: NodeJS.ErrnoException) => {
    if (response.destroyed) return; // the client went away first (above): nothing to answer, no upstream failure
    if (mayRetry && upstream.reusedSocket && error.code === 'ECONNRESET' && !response.headersSent) {
      target.stats.retried++;
      return forward(agent, target, request, body, response, false);
    }
    target.stats.errors++;
    if (!response.headersSent) response.writeHead(502, { 'content-type': 'text/plain' });
    response.end(`balancer: ${target.stats.url} failed: ${error.message}`);
  });
  upstream.end(body);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [port, ...upstreams] = process.argv.slice(2);
  if (!port || upstreams.length === 0) {
    console.error('usage: balancer.ts <port> <upstream URL>...');
    process.exit(2);
  }
  await startBalancer(Number(port), upstreams);
  console.log(`[balancer] 127.0.0.1:${port} → ${upstreams.join(', ')} (round robin)`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(0));
}
