import { AsyncLocalStorage } from 'node:async_hooks';
import http from 'node:http';

/**
 * SERVER_TIMING=1: every response carries a `Server-Timing` header with where its time went, for the perf
 * scripts and the browser's network panel (issue 20: find what a page costs before cutting it). Off by default:
 * the header tells a stranger how long our queries take, and the bookkeeping costs a little per query.
 *
 * - `total`: from the request's arrival to its response headers (a streamed page sends its headers with its
 *   first chunk, so the time of later chunks is not in it);
 * - `db`: the time spent waiting for PostgreSQL, summed over the request's queries (desc: how many), plus whole
 *   transactions (their JavaScript included: a transaction holds its connection until it ends);
 * - `render`: total minus db, the server's own work (React render, route code, serialization), when positive;
 * - `cpu`: the process's CPU time over the same span. It is exact only when requests do not overlap (perf:lists
 *   sends them one at a time); under load it includes the other requests' work.
 *
 * The request's figures live in an AsyncLocalStorage entered at the HTTP server's 'request' event, so every
 * query started while handling that request, however deep in Next.js, adds to the request's own figures.
 */
export type RequestTiming = {
  start: number;
  cpuStart: NodeJS.CpuUsage;
  dbMs: number;
  queries: number;
  /** Set inside a timed transaction, whose own queries are already in its time. */
  inTransaction?: boolean;
};

// On globalThis: instrumentation and the route bundles are separate module instances of this file.
const holder = globalThis as unknown as { __serialstockTiming?: AsyncLocalStorage<RequestTiming> };
const INSTALLED = Symbol.for('serialstock.serverTiming');

export function serverTimingEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.SERVER_TIMING === '1' || env.SERVER_TIMING === 'true';
}

/** The figures of the request being handled, or undefined outside a request (or with timing off). */
export function currentTiming(): RequestTiming | undefined {
  return holder.__serialstockTiming?.getStore();
}

/** Starts timing every request of this process (once, from instrumentation.ts, when SERVER_TIMING is on). */
export function installServerTiming(): () => void {
  const proto = http.Server.prototype as http.Server & { [INSTALLED]?: boolean };
  if (proto[INSTALLED]) return () => {};
  proto[INSTALLED] = true;
  const store = (holder.__serialstockTiming ??= new AsyncLocalStorage<RequestTiming>());
  const emit = proto.emit;
  proto.emit = function timedEmit(this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event !== 'request') return (emit as (...all: unknown[]) => boolean).call(this, event, ...args);
    const timing: RequestTiming = { start: performance.now(), cpuStart: process.cpuUsage(), dbMs: 0, queries: 0 };
    stampOnHeaders(args[1] as http.ServerResponse, timing);
    return store.run(timing, () => (emit as (...all: unknown[]) => boolean).call(this, event, ...args));
  } as typeof proto.emit;
  // For tests, which share the process's http module with other test files.
  return () => {
    proto.emit = emit;
    delete proto[INSTALLED];
  };
}

/** Sets the header just before the response's headers go out (Node's implicit headers also pass here). */
function stampOnHeaders(response: http.ServerResponse, timing: RequestTiming): void {
  const writeHead = response.writeHead;
  response.writeHead = function timedWriteHead(this: http.ServerResponse, ...args: unknown[]) {
    if (!this.headersSent) this.setHeader('Server-Timing', serverTimingHeader(timing, performance.now()));
    return (writeHead as (...all: unknown[]) => http.ServerResponse).apply(this, args);
  } as typeof response.writeHead;
}

export function serverTimingHeader(timing: RequestTiming, now: number, cpu = process.cpuUsage(timing.cpuStart)) {
  const total = now - timing.start;
  const parts = [`total;dur=${total.toFixed(1)}`, `db;dur=${timing.dbMs.toFixed(1)};desc="${timing.queries} queries"`];
  if (total > timing.dbMs) parts.push(`render;dur=${(total - timing.dbMs).toFixed(1)}`);
  parts.push(`cpu;dur=${((cpu.user + cpu.system) / 1000).toFixed(1)}`);
  return parts.join(', ');
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any promise-like's then, whatever its callbacks' types
type Thenable = { then: (...args: any[]) => unknown };

/**
 * Adds the time of a postgres.js query to the current request's figures. A postgres.js query is a lazy promise
 * that starts when first awaited, so the clock starts in its `then`, and stops when it settles.
 */
export function timeQuery<T extends Thenable>(query: T): T {
  const timing = currentTiming();
  if (!timing || timing.inTransaction) return query;
  const then = query.then;
  query.then = function timedThen(this: T, onFulfilled?: unknown, onRejected?: unknown) {
    const started = performance.now();
    const stop = () => {
      timing.dbMs += performance.now() - started;
      timing.queries += 1;
    };
    return then.call(
      this,
      (value: unknown) => {
        stop();
        return typeof onFulfilled === 'function' ? onFulfilled(value) : value;
      },
      (error: unknown) => {
        stop();
        if (typeof onRejected === 'function') return onRejected(error);
        throw error;
      },
    );
  } as T['then'];
  return query;
}

/** Adds a whole transaction's time (its queries are not timed one by one: they run on the transaction's client). */
export async function timeTransaction<T>(run: () => Promise<T>): Promise<T> {
  const timing = currentTiming();
  if (!timing || timing.inTransaction) return run();
  const started = performance.now();
  try {
    // The transaction's own statements (begin, its queries, commit) run in a context marked as inside it.
    return await holder.__serialstockTiming!.run({ ...timing, inTransaction: true }, run);
  } finally {
    timing.dbMs += performance.now() - started;
    timing.queries += 1;
  }
}
