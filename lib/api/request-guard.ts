import http from 'node:http';
import { isOwnOrigin } from './cross-site';
import { refusedMethod } from './methods';

/**
 * Answers, before Next.js sees them, the requests Next.js itself answers with a 500:
 * - a method that Node's fetch Request refuses (TRACE): Next.js builds one for every route before any
 *   of our code runs, and a proxy is no help (it is handed the same Request). Every method a route does
 *   not export is answered here too, so the 405 always carries the route's Allow list;
 * - a path whose percent-encoding is not UTF-8 (/items/%ED%A0%80): Next.js fails to decode it and then
 *   fails to render a 400 page the app router does not have;
 * - a server action posted from another origin: Next.js refuses it, but as a 500. Here it is the same 403
 *   CROSS_SITE_REQUEST the route handlers give (lib/api/cross-site.ts), by the same origin rule.
 * It sits on the HTTP server's 'request' event, installed once at start-up (instrumentation.ts). The
 * checks are string work per request; no database, no authorization here.
 */
const INSTALLED = Symbol.for('serialstock.requestGuard');

export function installRequestGuard(): () => void {
  const proto = http.Server.prototype as http.Server & { [INSTALLED]?: boolean };
  if (proto[INSTALLED]) return () => {};
  proto[INSTALLED] = true;
  const emit = proto.emit;
  proto.emit = function guardedEmit(this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === 'request' && refuse(...(args as [http.IncomingMessage, http.ServerResponse]))) return true;
    return (emit as (...all: unknown[]) => boolean).call(this, event, ...args);
  } as typeof proto.emit;
  // For tests, which share the process's http module with other test files.
  return () => {
    proto.emit = emit;
    delete proto[INSTALLED];
  };
}

/** Answers the request and returns true when it is one of the above. */
export function refuse(request: http.IncomingMessage, response: http.ServerResponse): boolean {
  const method = request.method ?? 'GET';
  const path = rawPathOf(request.url);
  if (!decodes(path)) {
    answer(
      request,
      response,
      400,
      {},
      'INVALID_URL_PATTERN',
      'The address is not valid: its percent-encoded characters are not UTF-8.',
    );
    return true;
  }
  const origin = request.headers.origin;
  if (
    method === 'POST' &&
    request.headers['next-action'] !== undefined &&
    origin !== undefined &&
    !isOwnOrigin(origin, request.headers.host ?? null)
  ) {
    answer(request, response, 403, {}, 'CROSS_SITE_REQUEST', 'Refused: this form was sent from another site.', {
      seen: `Origin: ${origin.slice(0, 200)}`,
    });
    return true;
  }
  const allow = refusedMethod(method, path);
  if (!allow) return false;
  answer(request, response, 405, { allow }, 'METHOD_NOT_ALLOWED', `${method} is not allowed here; use ${allow}.`, {
    allow,
  });
  return true;
}

function answer(
  request: http.IncomingMessage,
  response: http.ServerResponse,
  status: number,
  headers: Record<string, string>,
  code: string,
  message: string,
  details: Record<string, unknown> = {},
): void {
  request.resume();
  const body = JSON.stringify({ status: 'error', code, message, details });
  response.writeHead(status, {
    ...headers,
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
  });
  response.end(body);
}

/** The path as sent, still percent-encoded (the query is not Next.js's concern here: it decodes it leniently). */
function rawPathOf(url: string | undefined): string {
  const text = url ?? '/';
  const start = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text.indexOf('/', text.indexOf('//') + 2) : 0;
  const path = start < 0 ? '/' : text.slice(start);
  const end = path.search(/[?#]/);
  return end < 0 ? path : path.slice(0, end);
}

function decodes(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}
