import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '@/test/db';
import { call, keyFor } from './records-client';

const KNOWN_LIST = new Set(['page', 'per_page', 'sort_by', 'sort_order', 'fields', 'ids']);

describe('records API: ids, unknown query parameters and version segments', async () => {
  const { db } = await useTestDatabase();
  const admin = await keyFor(db, 'admin');
  const created = await call(admin.key, 'POST', '/crm/v8/Warehouses', {
    data: ['QA', 'QB', 'QC'].map((Code) => ({ Code, Name: `Store ${Code}` })),
  });
  const ids: string[] = created.json.data.map((e: { details: { id: string } }) => e.details.id);

  it('GET with ids answers exactly those records, in any order, ignoring ids that do not exist', async () => {
    const r = await call(admin.key, 'GET', `/crm/v8/Warehouses?ids=${ids[2]},${ids[0]},999999999`);
    expect(r.status).toBe(200);
    expect(r.json.data.map((w: { id: string }) => w.id).sort()).toEqual([ids[0], ids[2]].sort());
    const none = await call(admin.key, 'GET', '/crm/v8/Warehouses?ids=999999998');
    expect(none.status).toBe(204);
  });

  it('refuses more than 100 ids and an id that is not a number, naming ids', async () => {
    const many = Array.from({ length: 101 }, (_, i) => i + 1).join(',');
    const r = await call(admin.key, 'GET', `/crm/v8/Warehouses?ids=${many}`);
    expect(r).toMatchObject({ status: 400, json: { code: 'INVALID_QUERY', details: { param: 'ids', limit: 100 } } });
    const bad = await call(admin.key, 'GET', '/crm/v8/Warehouses?ids=1,x');
    expect(bad).toMatchObject({ status: 400, json: { code: 'INVALID_QUERY', details: { param: 'ids' } } });
  });

  it('refuses ids on a module whose rows have no id', async () => {
    const r = await call(admin.key, 'GET', '/crm/v8/Stock?ids=1');
    expect(r).toMatchObject({ status: 400, json: { code: 'INVALID_QUERY', details: { param: 'ids' } } });
  });

  it('refuses any unknown query parameter with its name, on reads and writes, and writes nothing', async () => {
    const names = fc
      .string({ minLength: 1, maxLength: 12 })
      .filter((n) => !KNOWN_LIST.has(n) && n.trim() === n && n.length > 0);
    await fc.assert(
      fc.asyncProperty(names, async (name) => {
        const q = `${encodeURIComponent(name)}=1`;
        const list = await call(admin.key, 'GET', `/crm/v8/Warehouses?${q}`);
        expect(list).toMatchObject({ status: 400, json: { code: 'INVALID_QUERY', details: { param: name } } });
        const insert = await call(admin.key, 'POST', `/crm/v8/Warehouses?${q}`, {
          data: [{ Code: 'NEVER', Name: 'never' }],
        });
        expect(insert).toMatchObject({ status: 400, json: { code: 'INVALID_QUERY', details: { param: name } } });
      }),
      { numRuns: 25 },
    );
    const typo = await call(admin.key, 'GET', '/crm/v8/Warehouses?per_pgae=1');
    expect(typo.json.message).toContain('"per_pgae"');
    const zoho = await call(admin.key, 'GET', '/crm/v8/Warehouses?cvid=5');
    expect(zoho.json.message).toContain('Zoho CRM parameter this app does not support');
    const known = await call(admin.key, 'GET', `/crm/v8/Warehouses?ids=${ids[0]}&fields=Code`);
    expect(known.json.data).toEqual([{ id: ids[0], Code: 'QA' }]);
    const search = await call(admin.key, 'GET', '/crm/v8/Warehouses/search?word=Store&ids=1');
    expect(search).toMatchObject({ status: 400, json: { details: { param: 'ids' } } });
    const written = await call(admin.key, 'GET', '/crm/v8/Warehouses/search?criteria=(Code:equals:NEVER)');
    expect(written.status).toBe(204);
  });

  it('refuses a parameter given twice', async () => {
    const r = await call(admin.key, 'GET', '/crm/v8/Warehouses?page=1&page=2');
    expect(r).toMatchObject({ status: 400, json: { code: 'INVALID_QUERY', details: { param: 'page' } } });
  });

  it('answers on every version segment Zoho has published, v2.1 included, and 404 on others', async () => {
    for (const v of ['v2', 'v2.1', 'v3', 'v4', 'v5', 'v6', 'v7', 'v8']) {
      const r = await call(admin.key, 'GET', `/crm/${v}/Warehouses?ids=${ids[1]}`);
      expect(r.status, v).toBe(200);
    }
    for (const v of ['v1', 'v2.2', 'v9', 'V8']) {
      const r = await call(admin.key, 'GET', `/crm/${v}/Warehouses`);
      expect(r, v).toMatchObject({ status: 404, json: { code: 'INVALID_URL_PATTERN' } });
    }
  });
});
