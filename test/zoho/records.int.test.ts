import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '@/test/db';
import { call } from '@/test/api/records-client';
import { keyFor } from '@/test/import/api';

/** The conformance suite's records API part (see bulk-write.int.test.ts and docs/zoho-compatibility.md). */
describe('Zoho conformance: records API', async () => {
  const { db } = await useTestDatabase();
  const admin = await keyFor(db, 'admin');

  it('RA-1 insert: 201 with one entry per record {code SUCCESS, details {id, Created_Time, …}, message, status}', async () => {
    const r = await call(admin.key, 'POST', '/crm/v8/Warehouses', { data: [{ Code: 'RA-1', Name: 'One' }] });
    expect(r).toMatchObject({
      status: 201,
      json: {
        data: [
          {
            code: 'SUCCESS',
            message: 'record added',
            status: 'success',
            details: {
              id: expect.stringMatching(/^\d+$/),
              Created_Time: expect.any(String),
              Modified_Time: expect.any(String),
              Created_By: { id: String(admin.userId) },
            },
          },
        ],
      },
    });
  });

  it('RA-2 mixed results: 207; all failed: 400, each entry naming its field', async () => {
    const mixed = await call(admin.key, 'POST', '/crm/v8/Warehouses', {
      data: [
        { Code: 'RA-2', Name: 'Two' },
        { Code: 'RA-2', Name: 'Again' },
      ],
    });
    expect(mixed.status).toBe(207);
    expect(mixed.json.data[1]).toMatchObject({
      code: 'DUPLICATE_DATA',
      status: 'error',
      details: { api_name: 'Code' },
    });
    const failed = await call(admin.key, 'POST', '/crm/v8/Warehouses', { data: [{ Name: 'No code' }] });
    expect(failed).toMatchObject({
      status: 400,
      json: { data: [{ code: 'MANDATORY_NOT_FOUND', details: { api_name: 'Code' } }] },
    });
  });

  it('RA-3 GET with ids, up to 100; no records: 204 without a body', async () => {
    const created = await call(admin.key, 'POST', '/crm/v8/Warehouses', { data: [{ Code: 'RA-3', Name: 'Three' }] });
    const id = created.json.data[0].details.id;
    const r = await call(admin.key, 'GET', `/crm/v8/Warehouses?ids=${id}`);
    expect(r).toMatchObject({
      status: 200,
      json: { data: [{ id, Code: 'RA-3' }], info: { page: 1, count: 1, more_records: false } },
    });
    expect((await call(admin.key, 'GET', '/crm/v8/Warehouses?ids=999999999')).status).toBe(204);
  });

  it('RA-4 an unknown parameter: INVALID_QUERY naming it; an unknown module: INVALID_MODULE', async () => {
    expect(await call(admin.key, 'GET', '/crm/v8/Warehouses?idz=1')).toMatchObject({
      status: 400,
      json: { code: 'INVALID_QUERY', details: { param: 'idz' } },
    });
    expect(await call(admin.key, 'GET', '/crm/v8/Leads')).toMatchObject({
      status: 400,
      json: { code: 'INVALID_MODULE' },
    });
  });

  it('RA-5 search by criteria (field:operator:value) and word', async () => {
    await call(admin.key, 'POST', '/crm/v8/Warehouses', {
      data: [
        { Code: 'RA-5A', Name: 'Five A' },
        { Code: 'RA-5B', Name: 'Five B' },
      ],
    });
    const byCriteria = await call(
      admin.key,
      'GET',
      '/crm/v8/Warehouses/search?criteria=((Code:starts_with:RA-5)and(Name:equals:Five B))',
    );
    expect(byCriteria.json.data.map((w: { Code: string }) => w.Code)).toEqual(['RA-5B']);
    const byWord = await call(admin.key, 'GET', '/crm/v8/Warehouses/search?word=RA-5');
    expect(byWord.json.data.map((w: { Code: string }) => w.Code).sort()).toEqual(['RA-5A', 'RA-5B']);
  });

  it('RA-6 delete ?ids=: one entry per id, the record id in details', async () => {
    const created = await call(admin.key, 'POST', '/crm/v8/Warehouses', { data: [{ Code: 'RA-6', Name: 'Six' }] });
    const id = created.json.data[0].details.id;
    const r = await call(admin.key, 'DELETE', `/crm/v8/Warehouses?ids=${id}`);
    expect(r).toMatchObject({ status: 200, json: { data: [{ code: 'SUCCESS', status: 'success', details: { id } }] } });
  });
});
