// First-load JavaScript per route of a production build, read from the manifests `next build` writes into
// .next (Next 16 no longer prints the sizes). A route's first load is the runtime's root chunks
// (server/app/<route>/page/build-manifest.json rootMainFiles) plus every chunk its client-reference manifest
// names as an entry (entryJSFiles: the root and group layouts, their error and not-found boundaries, the page):
// the scripts the HTML of the page asks for before anything is clicked.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { gzipSync } from 'node:zlib';

export type RouteLoad = { route: string; files: string[]; gzipBytes: number };

/** `/(app)/goods-receipts/new/page` → `/goods-receipts/new`: route groups and the `page` leaf are not in URLs. */
export function routeOf(entry: string): string {
  const parts = entry.split('/').filter((part) => part !== '' && !/^\(.*\)$/.test(part));
  if (parts.at(-1) === 'page') parts.pop();
  return `/${parts.join('/')}`;
}

/** The client-reference manifest is a script assigning to globalThis.__RSC_MANIFEST; run it in an empty context. */
export function readClientManifest(source: string): Record<string, { entryJSFiles?: Record<string, string[]> }> {
  const sandbox: { globalThis?: unknown; __RSC_MANIFEST?: Record<string, never> } = {};
  sandbox.globalThis = sandbox;
  vm.runInNewContext(source, sandbox, { timeout: 1000 });
  return sandbox.__RSC_MANIFEST ?? {};
}

/** Every page.tsx route of the build, with the chunks of its first load (sorted, each once). */
export function firstLoadFiles(nextDir: string): { route: string; files: string[] }[] {
  const appDir = path.join(nextDir, 'server/app');
  const routes: { route: string; files: string[] }[] = [];
  for (const manifestPath of findFiles(appDir, 'page_client-reference-manifest.js')) {
    const pageDir = manifestPath.slice(0, -'_client-reference-manifest.js'.length);
    const buildManifest = path.join(pageDir, 'build-manifest.json');
    const roots: string[] = existsSync(buildManifest)
      ? (JSON.parse(readFileSync(buildManifest, 'utf8')).rootMainFiles ?? [])
      : [];
    const manifest = readClientManifest(readFileSync(manifestPath, 'utf8'));
    for (const [entry, value] of Object.entries(manifest)) {
      const entries = Object.values(value.entryJSFiles ?? {}).flat();
      const files = [...new Set([...roots, ...entries].map((file) => file.replace(/^\/?_next\//, '')))].sort();
      routes.push({ route: routeOf(entry), files });
    }
  }
  return routes.sort((a, b) => a.route.localeCompare(b.route));
}

/** Gzip sizes (zlib's default level, as a server compresses) of every route's first load, each chunk gzipped alone. */
export function firstLoadSizes(nextDir: string): RouteLoad[] {
  const cache = new Map<string, number>();
  const gzipped = (file: string) => {
    let size = cache.get(file);
    if (size === undefined) {
      size = gzipSync(readFileSync(path.join(nextDir, file))).length;
      cache.set(file, size);
    }
    return size;
  };
  return firstLoadFiles(nextDir).map(({ route, files }) => ({
    route,
    files,
    gzipBytes: files.reduce((sum, file) => sum + gzipped(file), 0),
  }));
}

function findFiles(dir: string, name: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => path.basename(file) === name)
    .map((file) => path.join(dir, file));
}

export const kb = (bytes: number) => bytes / 1024;
