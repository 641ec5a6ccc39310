const PROBE_ORIGIN = 'http://return-path.invalid';

/**
 * Where to go after signing in: only a path on this site. `startsWith('/')` alone is not enough: browsers
 * and the URL parser read `/\evil.com` (and `/<tab>/evil.com`) as `//evil.com`, another host. So the path is
 * resolved against a probe origin and kept only if it stays there; anything else goes to the dashboard.
 */
export function safeReturnPath(given: string | string[] | null | undefined): string {
  // A repeated ?next= arrives as an array (it made the sign-in page throw: hostile findings, December 2026): the first.
  const next = Array.isArray(given) ? given[0] : given;
  if (typeof next !== 'string' || !next.startsWith('/')) return '/';
  try {
    const url = new URL(next, PROBE_ORIGIN);
    if (url.origin !== PROBE_ORIGIN) return '/';
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return '/';
  }
}
