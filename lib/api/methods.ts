/**
 * The methods each route handler (app/**\/route.ts) exports, by URL pattern. test/no5xx/routes.int.test.ts
 * imports every route file and fails when this table and the exports differ, so a new route or method
 * cannot be forgotten here.
 */
export const ROUTE_METHODS: Record<string, readonly string[]> = {
  '/api/openapi.json': ['GET'],
  '/serial-numbers/find': ['GET'],
  '/stock/export': ['GET'],
  '/import/templates/[file]': ['GET'],
  '/import/api/files/[id]': ['GET'],
  '/import/api/jobs': ['POST'],
  '/import/api/jobs/[id]': ['GET'],
  '/import/api/jobs/[id]/errors': ['GET'],
  '/crm/[version]/org': ['GET'],
  '/crm/[version]/users': ['GET'],
  '/crm/[version]/upload': ['POST'],
  '/crm/bulk/[version]/write': ['POST'],
  '/crm/bulk/[version]/write/[id]': ['GET'],
  '/crm/bulk/[version]/write/[id]/result': ['GET'],
  '/crm/[version]/[module]': ['GET', 'POST', 'PUT', 'DELETE'],
  '/crm/[version]/[module]/search': ['GET'],
  '/crm/[version]/[module]/upsert': ['POST'],
  '/crm/[version]/[module]/[id]': ['GET', 'PUT', 'DELETE'],
};

/** Pages answer GET and HEAD, and POST for their server actions. */
const PAGE_METHODS = ['GET', 'HEAD', 'POST'];
/** The methods Next.js routes at all; any other it answers itself (400, or 500 for TRACE). */
const NEXT_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'DELETE', 'PATCH']);

const segmentsOf = (path: string) => path.split('/').filter(Boolean);
const isDynamic = (segment: string) => segment.startsWith('[');

/** The route pattern a path belongs to, as Next.js picks it: a static segment wins over a dynamic one. */
export function routePatternOf(pathname: string): string | null {
  const wanted = segmentsOf(pathname);
  let best: { pattern: string; rank: string } | null = null;
  for (const pattern of Object.keys(ROUTE_METHODS)) {
    const parts = segmentsOf(pattern);
    if (parts.length !== wanted.length || !parts.every((p, i) => isDynamic(p) || p === wanted[i])) continue;
    const rank = parts.map((p) => (isDynamic(p) ? '1' : '0')).join('');
    if (!best || rank < best.rank) best = { pattern, rank };
  }
  return best?.pattern ?? null;
}

/** The Allow header of a route (HEAD comes with GET and OPTIONS with every route, as Next.js adds them). */
export function allowOf(pattern: string): string {
  const methods = new Set([...ROUTE_METHODS[pattern], 'OPTIONS']);
  if (methods.has('GET')) methods.add('HEAD');
  return [...methods].sort().join(', ');
}

/**
 * The Allow header when `method` may not be used on `pathname`, else null. Route handlers take their own
 * methods; pages are refused only the methods Next.js does not route (TRACE made it fail with a 500:
 * Node's fetch Request refuses to be built with TRACE, and Next.js builds one before any of our code runs).
 */
export function refusedMethod(method: string, pathname: string): string | null {
  const pattern = routePatternOf(pathname);
  if (pattern) return allowOf(pattern).split(', ').includes(method) ? null : allowOf(pattern);
  return NEXT_METHODS.has(method) ? null : PAGE_METHODS.join(', ');
}
