import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { RECORD_MODULES } from '../registry';
import { supports } from '../module';
import { buildOpenApi } from './document';

const root = path.resolve(__dirname, '../../../..');
const doc = buildOpenApi('https://stock.example');
const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'];

/** Every route file under a folder, with the HTTP methods it exports. */
function routeFiles(dir: string): { route: string; methods: string[] }[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return routeFiles(full);
    if (name !== 'route.ts') return [];
    const source = readFileSync(full, 'utf8');
    const methods = METHODS.filter((m) => new RegExp(`export (const|async function|function) ${m}\\b`).test(source));
    return [{ route: path.relative(path.join(root, 'app'), dir), methods }];
  });
}

function resolvePointer(pointer: string): unknown {
  return pointer
    .slice(2)
    .split('/')
    .reduce<unknown>(
      (node, part) => (node as Record<string, unknown> | undefined)?.[part.replace(/~1/g, '/').replace(/~0/g, '~')],
      doc,
    );
}

function refsIn(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => refsIn(n, out));
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') out.push(value);
      else refsIn(value, out);
    }
  }
  return out;
}

describe('the OpenAPI document', () => {
  it('is valid OpenAPI 3.1 (checked against the official schema) and plain JSON', async () => {
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    const validator = new Validator();
    const result = await validator.validate(JSON.parse(JSON.stringify(doc)));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('gives every operation responses and resolves every $ref', () => {
    for (const [p, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        expect(Object.keys((op as { responses: object }).responses).length, `${method} ${p}`).toBeGreaterThan(0);
      }
    }
    const refs = refsIn(doc);
    expect(refs.length).toBeGreaterThan(50);
    for (const ref of refs) {
      expect(ref.startsWith('#/'), ref).toBe(true);
      expect(resolvePointer(ref), ref).toBeDefined();
    }
  });

  it('tells every operation that the database may be away for a moment (503 with Retry-After)', () => {
    for (const [p, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        const unavailable = (op as { responses: Record<string, { headers?: object }> }).responses['503'];
        expect(unavailable?.headers, `${method} ${p}`).toHaveProperty('Retry-After');
      }
    }
  });

  it('covers every route file and exported method under app/crm/[version]/[module]', () => {
    const routes = routeFiles(path.join(root, 'app/crm/[version]/[module]'));
    expect(routes.map((r) => r.route).sort()).toEqual([
      'crm/[version]/[module]',
      'crm/[version]/[module]/[id]',
      'crm/[version]/[module]/search',
      'crm/[version]/[module]/upsert',
    ]);
    for (const { route, methods } of routes) {
      const pattern = new RegExp(
        `^${route.replace('crm/[version]', '/crm/v8').replace('[module]', '[A-Za-z_]+').replace('[id]', '\\{id\\}')}$`,
      );
      for (const method of methods) {
        const covered = Object.entries(doc.paths).some(([p, item]) => pattern.test(p) && method.toLowerCase() in item);
        expect(covered, `${method} ${route}`).toBe(true);
      }
    }
  });

  it('lists every module with exactly the operations it supports', () => {
    for (const m of RECORD_MODULES) {
      const base = `/crm/v8/${m.api}`;
      expect(Object.keys(doc.paths[base]).sort(), m.api).toEqual(
        [
          'get',
          ...(supports(m, 'insert') ? ['post'] : []),
          ...(supports(m, 'update') ? ['put'] : []),
          ...(supports(m, 'delete') ? ['delete'] : []),
        ].sort(),
      );
      expect(doc.paths[`${base}/search`]?.get, m.api).toBeDefined();
      expect(Boolean(doc.paths[`${base}/upsert`]), m.api).toBe(supports(m, 'upsert'));
      expect(doc.components.schemas[m.api], m.api).toBeDefined();
    }
    expect(doc.paths['/crm/v8/Stock/{id}']).toBeUndefined();
    expect(doc.paths['/crm/v8/Serial_Numbers/{id}'].get).toBeDefined();
  });

  it('derives request shapes from the shared zod schemas and marks read-only fields', () => {
    const items = doc.components.schemas.Items_Insert as {
      properties: Record<string, { maxLength?: number; type?: unknown }>;
      required: string[];
    };
    expect(items.required).toEqual(['Code', 'Name']);
    expect(items.properties.Code.maxLength).toBe(64);
    expect(items.properties.Purchase_Price.type).toEqual(['string', 'number']);
    const record = doc.components.schemas.Goods_Receipts as { properties: Record<string, { readOnly?: boolean }> };
    expect(record.properties.Number.readOnly).toBe(true);
    expect(record.properties.Date.readOnly).toBeUndefined();
    expect(doc.components.schemas.Goods_Receipts_Insert).toMatchObject({ required: ['Date', 'Warehouse', 'Lines'] });
    expect(doc.components.schemas.Sales_Invoices_Insert).toMatchObject({
      required: ['Date', 'Partner', 'Warehouse', 'Lines'],
    });
  });

  it('sends a write-only field in writes and never answers it', () => {
    type Props = { properties: Record<string, { writeOnly?: boolean; type?: unknown }> };
    const insert = doc.components.schemas.Goods_Receipts_Insert as Props;
    expect(insert.properties.Drop_Missing_Expected).toMatchObject({ writeOnly: true, type: 'boolean' });
    expect((doc.components.schemas.Goods_Receipts_Update as Props).properties.Drop_Missing_Expected.writeOnly).toBe(
      true,
    );
    expect((doc.components.schemas.Goods_Receipts as Props).properties).not.toHaveProperty('Drop_Missing_Expected');
    expect((doc.components.schemas.Goods_Issues_Insert as Props).properties).not.toHaveProperty(
      'Drop_Missing_Expected',
    );
    // A stocktake entry goes into a count: its fields are sent only, and reads list the counts.
    const entry = doc.components.schemas.Stocktake_Entries_Insert as Props & { required: string[] };
    expect(entry.required).toEqual(['Stocktake']);
    expect(Object.values(entry.properties).every((p) => p.writeOnly)).toBe(true);
    expect((doc.components.schemas.Stocktake_Entries as Props).properties).not.toHaveProperty('Serial_Number');
    expect(Object.keys(doc.paths['/crm/v8/Stocktake_Entries'])).toEqual(['get', 'post']);
  });

  it('lists the bulk write, users and org routes implemented next to it', () => {
    for (const p of [
      '/crm/v8/upload',
      '/crm/bulk/v8/write',
      '/crm/bulk/v8/write/{id}',
      '/crm/bulk/v8/write/{id}/result',
      '/crm/v8/users',
      '/crm/v8/org',
    ]) {
      expect(doc.paths[p], p).toBeDefined();
    }
  });
});
