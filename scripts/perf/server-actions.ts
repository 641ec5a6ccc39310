import { readFileSync } from 'node:fs';

type ManifestEntry = { workers: Record<string, unknown>; filename?: string; exportedName?: string };

/**
 * A server action as a browser calls it, without a browser: its id from the production build's manifest and
 * the path of a page that serves it (an action is answered only by the pages whose bundle holds it).
 */
export function findServerAction(filename: string, exportedName: string): { id: string; path: string } {
  const manifest = JSON.parse(readFileSync('.next/server/server-reference-manifest.json', 'utf8')) as {
    node: Record<string, ManifestEntry>;
  };
  for (const [id, entry] of Object.entries(manifest.node)) {
    if (entry.filename !== filename || entry.exportedName !== exportedName) continue;
    // "app/(app)/items/page" → "/items": route groups vanish from the address; dynamic pages need an id, skip them.
    const path = Object.keys(entry.workers)
      .filter((worker) => worker.endsWith('/page') && !worker.includes('['))
      .map((worker) =>
        worker
          .replace(/^app/, '')
          .replace(/\/page$/, '')
          .replace(/\/\([^)]*\)/g, ''),
      )
      .sort((a, b) => a.length - b.length)[0];
    if (path !== undefined) return { id, path: path || '/' };
  }
  throw new Error(`${exportedName} of ${filename} is not in the build's server action manifest (rebuild?)`);
}

/** POSTs a server action the way Next.js' client does (Next-Action header, arguments as a JSON array). */
export function callServerAction(
  baseUrl: string,
  action: { id: string; path: string },
  args: unknown[],
  cookie?: string,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(baseUrl + action.path, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'next-action': action.id,
      accept: 'text/x-component',
      'content-type': 'text/plain;charset=UTF-8',
      origin: baseUrl,
      ...(cookie ? { cookie } : {}),
      ...headers,
    },
    body: JSON.stringify(args),
  });
}
