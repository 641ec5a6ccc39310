import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/*
 * The floor plan of docs/architecture.md, checked on every import statement (static, `export … from` and
 * `import()`). A failure names the file, what it imports and the rule it breaks.
 */

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const FOLDERS = ['app', 'components', 'db', 'e2e', 'lib', 'scripts', 'test'];
const SOURCE = /\.(ts|tsx|mts|mjs)$/;

function filesUnder(folder: string): string[] {
  const entries = readdirSync(path.join(ROOT, folder), { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && SOURCE.test(entry.name))
    .map((entry) => path.relative(ROOT, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
}

const FILES = FOLDERS.flatMap(filesUnder);
const isTest = (file: string) => /\.(test|spec)\.tsx?$/.test(file) || file.includes('/__fixtures__/');

/** What a file imports, as repository paths without extension ('lib/import/files'); packages are left out. */
function importsOf(file: string): string[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(path.join(ROOT, file), 'utf8'), true, true);
  return importedFiles
    .map(({ fileName }) => fileName)
    .flatMap((spec) => {
      if (spec.startsWith('@/')) return [spec.slice(2)];
      if (spec.startsWith('.')) return [path.posix.normalize(path.posix.join(path.posix.dirname(file), spec))];
      return [];
    })
    .map((target) => target.replace(/\.(ts|tsx|mjs)$/, ''));
}

const under = (target: string, folder: string) => target === folder || target.startsWith(`${folder}/`);

/**
 * The import wing's layers, each with the layers it may import. Upload, request and results know nothing
 * of each other; writers turn parsed rows into core calls; jobs (the queue) drive everything below.
 */
const WING = 'lib/import';
const LAYERS: Record<string, string[]> = {
  files: [],
  upload: ['files'],
  request: ['files'],
  results: ['files'],
  writers: ['files', 'request', 'results'],
  jobs: ['files', 'upload', 'request', 'results', 'writers'],
};

function layerOf(target: string): string | null {
  if (!under(target, WING)) return null;
  return target.slice(WING.length + 1).split('/')[0] || '';
}

type Violation = string;

function wingRule(file: string, target: string): Violation | null {
  const from = layerOf(file);
  const to = layerOf(target);
  if (from === null || to === null || from === to) return null;
  if (!(from in LAYERS)) return null; // a file outside every layer fails 'has every file of the import wing in a layer'
  if (LAYERS[from].includes(to)) return null;
  return `${file} → ${target}: ${from} may import ${LAYERS[from].join(', ') || 'no other layer'}, not ${to}`;
}

/** The doors (the records API and the importer) call the core; the core and the other doors never call them. */
const DOORS = ['lib/api', 'lib/import'];
/** The server's start (instrumentation.ts calls it) wires the parts together: it starts the import worker. */
const WIRING = ['lib/startup.ts'];

function doorRule(file: string, target: string): Violation | null {
  if (!under(file, 'lib') || isTest(file) || WIRING.includes(file)) return null;
  const door = DOORS.find((d) => under(target, d));
  if (!door || under(file, door)) return null;
  return `${file} → ${target}: the doors call the core, so nothing else in lib/ imports ${door}`;
}

/** lib/ and db/ are the domain and its storage: they never reach into the app, the UI or the tests. */
function domainRule(file: string, target: string): Violation | null {
  if (!(under(file, 'lib') || under(file, 'db')) || isTest(file)) return null;
  const outside = ['app', 'components', 'test', 'e2e', 'scripts'].find((folder) => under(target, folder));
  return outside ? `${file} → ${target}: lib/ and db/ do not import ${outside}/` : null;
}

const RULES = [wingRule, doorRule, domainRule];

describe('the floor plan', () => {
  it('has every file of the import wing in a layer', () => {
    const wing = FILES.filter((file) => under(file, WING));
    expect(wing.length).toBeGreaterThan(50);
    expect(wing.filter((file) => !(layerOf(file)! in LAYERS))).toEqual([]);
  });

  it('has no import against the layers', () => {
    const violations = FILES.flatMap((file) =>
      importsOf(file).flatMap((target) => RULES.map((rule) => rule(file, target))),
    ).filter((violation): violation is Violation => violation !== null);
    expect([...new Set(violations)]).toEqual([]);
  });

  it('keeps unit tests beside the code and integration tests under test/', () => {
    const misplaced = FILES.filter((file) =>
      file.endsWith('.int.test.ts') ? !under(file, 'test') : under(file, 'test') && /\.test\.tsx?$/.test(file),
    );
    expect(misplaced).toEqual([]);
  });
});
