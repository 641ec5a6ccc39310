import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOCUMENT_KINDS } from '@/db/schema/inventory';
import { hasRecordUrl, supports } from '@/lib/api/records/module';
import { RECORD_MODULES } from '@/lib/api/records/registry';
import { ACTIONS, PAGES, RECORDS_MODULES, ROUTES } from './matrix';
import {
  HTTP_METHODS,
  hasInlineServerAction,
  isServerActionFile,
  pageFiles,
  ROOT,
  routeFiles,
  sourceFiles,
  urlPattern,
} from './inventory';

const sorted = (values: Iterable<string>) => [...new Set(values)].sort();
const load = (file: string) => import(/* @vite-ignore */ path.join(ROOT, file)) as Promise<Record<string, unknown>>;

/**
 * The matrix lists every door, and nothing else: a new page, route method or action without an entry
 * fails here until someone decides what it requires.
 */
describe('authorization matrix: every door has an entry', () => {
  it('lists every page', () => {
    expect(sorted(Object.keys(PAGES))).toEqual(sorted(pageFiles().map(urlPattern)));
  });

  it('lists every route handler method', async () => {
    const found: string[] = [];
    for (const file of routeFiles()) {
      const exports = await load(file);
      for (const method of HTTP_METHODS)
        if (typeof exports[method] === 'function') found.push(`${method} ${urlPattern(file)}`);
    }
    expect(sorted(Object.keys(ROUTES))).toEqual(sorted(found));
  });

  it('lists every exported server action, and the files holding them are all top-level "use server" files', async () => {
    const files = sourceFiles();
    expect(files.filter(hasInlineServerAction), 'inline "use server" actions: move them to an actions.ts file').toEqual(
      [],
    );
    const found: string[] = [];
    for (const file of files.filter(isServerActionFile)) {
      const exports = await load(file);
      for (const [name, value] of Object.entries(exports)) {
        expect(typeof value, `${file}#${name}`).toBe('function');
        found.push(`${file}#${name}`);
      }
    }
    expect(sorted(ACTIONS.map((a) => a.action))).toEqual(sorted(found));
  });

  it('lists the document actions once per document kind', () => {
    for (const name of ['saveDocumentAction', 'deleteDocumentAction', 'searchPartnersAction']) {
      const kinds = ACTIONS.filter((a) => a.action.endsWith(`#${name}`)).map((a) => a.args[0] as string);
      expect(sorted(kinds), name).toEqual(sorted(DOCUMENT_KINDS));
    }
  });

  it('lists every records API module with the permissions and operations it has', () => {
    const actual = Object.fromEntries(
      RECORD_MODULES.map((m) => [
        m.api,
        {
          read: m.read,
          write: m.write ?? null,
          writes: (['insert', 'update', 'upsert', 'delete'] as const).filter((op) => supports(m, op)),
          byId: hasRecordUrl(m),
        },
      ]),
    );
    expect(actual).toEqual(RECORDS_MODULES);
  });
});
