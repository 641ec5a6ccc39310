import type { Principal } from '@/lib/auth/principal';
import { configuredOrigins } from '@/lib/http/public-url';
import { apiError } from './responses';

/**
 * Cross-site request forgery protection for route handlers (server actions get Next.js' own Origin check).
 * A browser attaches the session cookie to requests any page sends, and SameSite=Lax does not stop a page
 * on another port of the same host (same site), nor top-level form posts. So a write made with the session
 * must come from the app's own origin. API keys are sent deliberately by their holder, never attached by a
 * browser, so key requests are not subject to either rule here.
 */

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** A session write whose Origin (or, without one, Sec-Fetch-Site) is not this app: 403. Otherwise null. */
export function crossSiteRefusal(request: Request, principal: Principal): Response | null {
  if (principal.kind !== 'user' || READS.has(request.method)) return null;
  const origin = request.headers.get('origin');
  if (origin !== null) return isOwnOrigin(origin, request.headers.get('host')) ? null : refuse(`Origin: ${origin}`);
  // Browsers that send no Origin still say where a request comes from in Sec-Fetch-Site; 'none' is the
  // user's own navigation. A client sending neither is not a browser, so no cookie was attached behind its back.
  const site = request.headers.get('sec-fetch-site');
  if (site === null || site === 'same-origin' || site === 'none') return null;
  return refuse(`Sec-Fetch-Site: ${site}`);
}

/**
 * The configured public origin, or the address the browser itself reached us at: Host is set by the browser
 * for the server it connects to, so a page elsewhere cannot make Origin and Host agree (Next.js checks
 * server actions the same way). This keeps writes working for users who reach the app by another name.
 */
export function isOwnOrigin(origin: string, host: string | null): boolean {
  if (configuredOrigins().has(origin)) return true;
  try {
    return host !== null && new URL(origin).host === host.toLowerCase();
  } catch {
    return false; // "null" (sandboxed frames, file:) or garbage
  }
}

function refuse(seen: string): Response {
  return apiError(
    403,
    'CROSS_SITE_REQUEST',
    'Refused: this write came from another site. The session cookie works only from the pages of this app; other systems use an API key.',
    { seen: seen.slice(0, 200) },
  );
}

/**
 * A JSON body sent with the session must say it is JSON. text/plain, form-encoded and multipart bodies are
 * what a page elsewhere can send without a CORS preflight, so reading JSON whatever the declared type
 * would let such a body through even where Origin is missing. 415 otherwise.
 */
export function jsonBodyRefusal(request: Request, principal: Principal): Response | null {
  if (principal.kind !== 'user') return null;
  const type = request.headers.get('content-type');
  if (type?.split(';')[0].trim().toLowerCase() === 'application/json') return null;
  return apiError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the body as JSON with Content-Type: application/json.', {
    content_type: type?.slice(0, 100) ?? null,
  });
}
