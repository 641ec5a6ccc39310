import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Every door the app has, found on disk the way Next.js finds them. */
export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
export const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

function walk(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.posix.join(dir, entry.name);
    return entry.isDirectory() ? walk(rel) : [rel];
  });
}

/** `app/(app)/items/[id]/page.tsx` → `/items/[id]`: route groups and private folders leave no trace in the URL. */
export function urlPattern(file: string): string {
  const segments = path.posix
    .dirname(file)
    .split('/')
    .slice(1)
    .filter((s) => !/^\(.*\)$/.test(s));
  return `/${segments.join('/')}`;
}

export const appFiles = () => walk('app');

export function pageFiles(): string[] {
  return appFiles().filter((f) => /\/page\.(tsx|ts|jsx|js|mdx)$/.test(f));
}

export function routeFiles(): string[] {
  return appFiles().filter((f) => /\/route\.(ts|js)$/.test(f));
}

/** Source files under the folders that may hold server code. */
export function sourceFiles(): string[] {
  return ['app', 'components', 'lib'].flatMap(walk).filter((f) => /\.(tsx?|jsx?)$/.test(f) && !/\.test\.tsx?$/.test(f));
}

const DIRECTIVE = /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*(['"])use server\1/;

/** A file whose first statement is 'use server': every export is a server action. */
export function isServerActionFile(file: string): boolean {
  return DIRECTIVE.test(readFileSync(path.join(ROOT, file), 'utf8'));
}

/** 'use server' anywhere else (inside a function body) makes an inline action the matrix cannot see. */
export function hasInlineServerAction(file: string): boolean {
  const text = readFileSync(path.join(ROOT, file), 'utf8');
  const all = text.match(/(['"])use server\1/g)?.length ?? 0;
  return all > (isServerActionFile(file) ? 1 : 0);
}
