// A signed-in user moves between pages by clicking links, and then the browser asks for the next page's RSC payload
// (what `Link` navigations send; scripts/perf/nav-traffic.ts prints them), not its HTML. An HTML document load is
// the first page, a reload or a link opened in a new tab. The load test's reads send both, in this proportion,
// with the headers Chromium sends for a click on the page the user came from.

/** One read in ten loads the whole document; LOAD_READS=documents makes every read one (the older model). */
export const DOCUMENT_SHARE = process.env.LOAD_READS === 'documents' ? 1 : 0.1;

type Tree = [string, Record<string, Tree>, null, null, number];
const pageTree = (): Tree => ['__PAGE__', {}, null, null, 0];

/** Where the click came from: a detail or search page from its list, a list from the dashboard, the dashboard from
 * the items. */
export function previousPage(url: string): string {
  const path = url.split('?')[0];
  if (path === '/') return '/items';
  const list = `/${path.split('/')[1]}`;
  return list === path && !url.includes('?') ? '/' : list;
}

/** The Next-Router-State-Tree of a signed-in list page or the dashboard, as the browser sends it (URL-encoded). */
export function stateTree(page: string): string {
  const app: Tree =
    page === '/'
      ? ['(app)', { children: pageTree() }, null, null, 0]
      : ['(app)', { children: [page.slice(1), { children: pageTree() }, null, null, 0] }, null, null, 0];
  return encodeURIComponent(JSON.stringify(['', { children: app }, null, null, 16]));
}

export function navigationHeaders(url: string): Record<string, string> {
  const from = previousPage(url);
  return { rsc: '1', 'next-router-state-tree': stateTree(from), 'next-url': from };
}

/**
 * Next.js answers an RSC request whose `_rsc` parameter does not match a hash of these headers with a redirect to
 * the matching one; the hash is learnt from that redirect once per page the user comes from.
 */
export async function rscParams(baseUrl: string, cookie: string, urls: string[]): Promise<Map<string, string>> {
  const byPrevious = new Map<string, string>();
  for (const url of urls) {
    const from = previousPage(url);
    if (byPrevious.has(from)) continue;
    const answer = await fetch(baseUrl + url, { headers: { cookie, ...navigationHeaders(url) }, redirect: 'manual' });
    await answer.arrayBuffer();
    const location = answer.headers.get('location');
    const hash = location && new URL(location, baseUrl).searchParams.get('_rsc');
    if (!hash) throw new Error(`no _rsc redirect for a navigation to ${url} (HTTP ${answer.status})`);
    byPrevious.set(from, hash);
  }
  return byPrevious;
}

export function navigationPath(url: string, hashes: Map<string, string>): string {
  return `${url}${url.includes('?') ? '&' : '?'}_rsc=${hashes.get(previousPage(url))}`;
}

/** The path and headers of a signed-in user's click to `url`: what the load test sends, and its warm-up checks. */
export function navigation(url: string, hashes: Map<string, string>, cookie: string) {
  return { path: navigationPath(url, hashes), headers: { cookie, ...navigationHeaders(url) } };
}
