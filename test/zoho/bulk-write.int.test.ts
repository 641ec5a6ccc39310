import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { apiKey } from '@/db/schema';
import { useTestDatabase } from '@/test/db';
import { call } from '@/test/api/records-client';
import { apiCaller, keyFor, type Caller } from '@/test/import/api';
import { csv, drainCallbacks, drainJobs } from '@/test/import/drain';
import { resultRows } from '@/test/import/result-file';

/**
 * The conformance suite: each `it` replays one element of Zoho CRM's bulk write and records API as its
 * documentation publishes it (request and answer shapes, written here from those shapes, not copied), and
 * carries the element's id from docs/zoho-compatibility.md, which says for each whether we answer the same,
 * extend it, or differ and why.
 */
describe('Zoho conformance: bulk write', async () => {
  const { db } = await useTestDatabase();
  let api: Caller;
  let admin: Awaited<ReturnType<typeof keyFor>>;
  const zip = async (name: string, content: string) => {
    const archive = new JSZip();
    archive.file(name, content);
    return archive.generateAsync({ type: 'nodebuffer' });
  };
  const uploadItems = async (rows: string) =>
    (await api.upload(await zip('Items.csv', rows), 'Items.zip')).json.details.file_id as string;
  const itemsJob = (fileId: string, extra: Record<string, unknown> = {}, resource: Record<string, unknown> = {}) => ({
    operation: 'insert',
    ...extra,
    resource: [
      {
        type: 'data',
        module: { api_name: 'Items' },
        file_id: fileId,
        field_mappings: [
          { api_name: 'Code', index: 0 },
          { api_name: 'Name', index: 1 },
        ],
        ...resource,
      },
    ],
  });

  beforeAll(async () => {
    admin = await keyFor(db, 'admin');
    api = apiCaller(admin.key);
  });

  it('BW-1 upload: 200 FILE_UPLOAD_SUCCESS "file uploaded." with file_id and created_time', async () => {
    const r = await api.upload(await zip('Items.csv', 'Code,Name\nZ-1,One\n'), 'Items.zip');
    expect(r).toEqual({
      status: 200,
      json: {
        status: 'success',
        code: 'FILE_UPLOAD_SUCCESS',
        message: 'file uploaded.',
        details: {
          file_id: expect.stringMatching(/^\d+$/),
          created_time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/),
        },
      },
    });
  });

  it.each([
    ['BW-2 upload without feature', {}, 400, 'MANDATORY_NOT_FOUND', 'Required key feature is not available'],
    ['BW-3 upload with another feature', { feature: 'bulk-read' }, 400, 'NOT_SUPPORTED_FEATURE', /not supported/],
  ])('%s: %s', async (_, headers, status, code, message) => {
    const r = await api.upload(
      await zip('Items.csv', 'Code,Name\nA,B\n'),
      'Items.zip',
      headers as Record<string, string>,
    );
    expect(r).toMatchObject({ status, json: { status: 'error', code, details: expect.any(Object) } });
    expect(r.json.message).toMatch(message);
  });

  it('BW-4 upload over 25 MB: 413 FILE_TOO_LARGE', async () => {
    const r = await api.upload(Buffer.alloc(25 * 1024 * 1024 + 1, 0x61), 'big.csv');
    expect(r).toMatchObject({ status: 413, json: { status: 'error', code: 'FILE_TOO_LARGE' } });
  });

  it('BW-5 upload of another format: INVALID_FILE_FORMAT', async () => {
    const r = await api.upload(Buffer.from('%PDF-1.4\n'), 'a.pdf');
    expect(r).toMatchObject({ status: 400, json: { status: 'error', code: 'INVALID_FILE_FORMAT' } });
  });

  it('BW-6 create: 201 SUCCESS "success" with the job id and created_by', async () => {
    const r = await api.create(itemsJob(await uploadItems('Code,Name\nZ-6,Six\n')));
    expect(r).toEqual({
      status: 201,
      json: {
        status: 'success',
        code: 'SUCCESS',
        message: 'success',
        details: { id: expect.stringMatching(/^\d+$/), created_by: { id: String(admin.userId), name: admin.name } },
      },
    });
  });

  it.each([
    ['BW-7 an unknown operation', { operation: 'merge' }, {}, 'INVALID_DATA', 'operation'],
    ['BW-8 no resource', { resource: undefined }, null, 'MANDATORY_NOT_FOUND', 'resource'],
    ['BW-9 an unknown file_id', {}, { file_id: '999999999' }, 'INVALID_FILE_ID', 'file_id'],
    ['BW-10 an unknown module', {}, { module: { api_name: 'Leads' } }, 'MODULE_NOT_AVAILABLE', 'module'],
    [
      'BW-11 an unknown field',
      {},
      { field_mappings: [{ api_name: 'Colour', index: 0 }] },
      'INVALID_FIELD_NAME',
      'Colour',
    ],
    [
      'BW-12 a column that does not exist',
      {},
      {
        field_mappings: [
          { api_name: 'Code', index: 0 },
          { api_name: 'Name', index: 9 },
        ],
      },
      'COLUMN_INDEX_NOT_FOUND',
      'Name',
    ],
    [
      'BW-13 a mandatory field unmapped',
      {},
      { field_mappings: [{ api_name: 'Code', index: 0 }] },
      'MANDATORY_FIELDS_NOT_MAPPED',
      null,
    ],
    [
      'BW-14 a callback method other than post',
      { callback: { url: 'https://hooks.example.com/x', method: 'get' } },
      {},
      'INVALID_CALLBACK_METHOD',
      'method',
    ],
    [
      'BW-15 a callback URL that is not one',
      { callback: { url: 'not a url', method: 'post' } },
      {},
      'INVALID_URL_PATTERN',
      'url',
    ],
  ])('%s: %s', async (_, extra, resource, code, apiName) => {
    const body = itemsJob(await uploadItems('Code,Name\nA,B\n'), extra, resource ?? {}) as Record<string, unknown>;
    if (resource === null) delete body.resource;
    const r = await api.create(body);
    expect(r).toMatchObject({ status: 400, json: { status: 'error', code } });
    if (apiName) expect(r.json.details.api_name).toBe(apiName);
  });

  it('BW-16 more than 200 columns: HEADER_LIMIT_EXCEEDED', async () => {
    const header = Array.from({ length: 201 }, (_, i) => `C${i}`).join(',');
    const r = await api.upload(await zip('Wide.csv', `${header}\n`), 'Wide.zip');
    expect(r).toMatchObject({ status: 400, json: { code: 'HEADER_LIMIT_EXCEEDED' } });
  });

  it('BW-17 an unknown or revoked token: 401 INVALID_TOKEN', async () => {
    const r = await apiCaller('ssk_not_a_key').create({});
    expect(r).toMatchObject({ status: 401, json: { status: 'error', code: 'INVALID_TOKEN' } });
  });

  it('BW-18 job JSON: status ADDED, then COMPLETED with result.download_url and per-file counts', async () => {
    const created = await api.create(
      itemsJob(await uploadItems('Code,Name\nZ-18,Eighteen\nZ-18b,\n'), { character_encoding: 'UTF-8' }),
    );
    const id = created.json.details.id;
    const added = await api.status(id);
    expect(added.json).toMatchObject({
      status: 'ADDED',
      operation: 'insert',
      id,
      character_encoding: 'UTF-8',
      created_by: { id: String(admin.userId) },
      resource: [
        {
          status: 'ADDED',
          type: 'data',
          module: { api_name: 'Items', id: expect.stringMatching(/^\d+$/) },
          field_mappings: [
            { api_name: 'Code', index: 0, format: null, find_by: null, module: null, default_value: null },
            expect.any(Object),
          ],
          file: {
            status: 'ADDED',
            name: 'Items.csv',
            added_count: 0,
            skipped_count: 0,
            updated_count: 0,
            total_count: 2,
          },
        },
      ],
    });
    expect(added.json.result).toBeUndefined();
    await drainJobs(db);
    const done = await api.status(id);
    expect(done.json).toMatchObject({
      status: 'COMPLETED',
      resource: [{ status: 'COMPLETED', file: { added_count: 1, skipped_count: 1, total_count: 2 } }],
      result: { download_url: expect.stringMatching(new RegExp(`/crm/bulk/v8/write/${id}/result$`)) },
    });
  });

  it('BW-19 an unknown job: 404 RESOURCE_NOT_FOUND "The requested resource doesn\'t exist."', async () => {
    const r = await api.status('999999999');
    expect(r).toMatchObject({
      status: 404,
      json: { status: 'error', code: 'RESOURCE_NOT_FOUND', message: "The requested resource doesn't exist." },
    });
  });

  it('BW-20 result: a ZIP of one CSV with STATUS, RECORD_ID and ERRORS as CODE-column', async () => {
    const fileId = await uploadItems('Code,Name,Sale_Price\nZ-20,Twenty,1\n,,abc\n');
    const created = await api.create(
      itemsJob(
        fileId,
        {},
        {
          field_mappings: [
            { api_name: 'Code', index: 0 },
            { api_name: 'Name', index: 1 },
            { api_name: 'Sale_Price', index: 2 },
          ],
        },
      ),
    );
    await drainJobs(db);
    const rows = await resultRows(api, created.json.details.id);
    expect(rows[0]).toMatchObject({
      Code: 'Z-20',
      STATUS: 'ADDED',
      RECORD_ID: expect.stringMatching(/^\d+$/),
      ERRORS: '',
    });
    // Columns under one code comma-joined, different codes colon-joined.
    expect(rows[1]).toMatchObject({
      STATUS: 'SKIPPED',
      RECORD_ID: '',
      ERRORS: 'MANDATORY_NOT_FOUND-Code,Name:INVALID_DATA-Sale_Price',
    });
  });

  it('BW-21 every version segment Zoho published reaches the same API', async () => {
    for (const version of ['v2', 'v2.1', 'v3', 'v4', 'v5', 'v6', 'v7', 'v8']) {
      const r = await api.create(itemsJob(await uploadItems('Code,Name\nA,B\n'), { operation: 'merge' }), version);
      expect(r.json.code, version).toBe('INVALID_DATA');
    }
  });

  it('BW-22 a colon-delimited CSV, and character_encoding echoed as requested', async () => {
    const fileId = (await api.upload(Buffer.from('Code:Name\nZ-22:Colon\n'), 'colon.csv')).json.details.file_id;
    const created = await api.create(itemsJob(fileId, { character_encoding: 'ISO-8859-1' }));
    await drainJobs(db);
    expect((await api.status(created.json.details.id)).json).toMatchObject({
      status: 'COMPLETED',
      character_encoding: 'ISO-8859-1',
      resource: [{ file: { added_count: 1 } }],
    });
  });

  describe('callbacks', () => {
    const received: string[] = [];
    let hook = '';
    let server: http.Server;
    beforeAll(async () => {
      process.env.ALLOW_PRIVATE_CALLBACKS = 'true';
      server = http.createServer((request, response) => {
        let body = '';
        request.on('data', (chunk) => {
          body += chunk;
        });
        request.on('end', () => {
          received.push(body);
          response.writeHead(200).end();
        });
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      hook = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    });
    afterAll(async () => {
      delete process.env.ALLOW_PRIVATE_CALLBACKS;
      await new Promise((resolve) => server.close(resolve));
    });

    it("BW-23 the article's callBack sample: a signed POST with state COMPLETED and the job JSON", async () => {
      const created = await api.create(
        itemsJob(await uploadItems('Code,Name\nZ-23,Called\n'), { callBack: { url: hook, method: 'post' } }),
      );
      await drainJobs(db);
      await drainCallbacks(db);
      expect(received).toHaveLength(1);
      const body = JSON.parse(received[0]);
      expect(body).toMatchObject({
        state: 'COMPLETED',
        job_id: created.json.details.id,
        status: 'COMPLETED',
        operation: 'insert',
        result: { download_url: expect.stringContaining(`/write/${created.json.details.id}/result`) },
      });
      const [{ secret }] = await db
        .select({ secret: apiKey.signingSecret })
        .from(apiKey)
        .where(eq(apiKey.id, admin.keyId));
      expect(createHmac('sha256', secret).update(received[0]).digest('hex')).toHaveLength(64);
    });
  });

  it("BW-24 a lookup by id from a Field.id header, as Zoho's own files write it", async () => {
    const warehouse = await call(admin.key, 'POST', '/crm/v8/Warehouses', {
      data: [{ Code: 'ZW-24', Name: 'Z store' }],
    });
    const items = await call(admin.key, 'POST', '/crm/v8/Items', { data: [{ Code: 'ZI-24', Name: 'Z cable' }] });
    const fileId = (
      await api.upload(
        csv([
          ['Number', 'Date', 'Warehouse.id', 'Item.id', 'Quantity'],
          ['Z-24', '2026-03-01', warehouse.json.data[0].details.id, items.json.data[0].details.id, '2'],
        ]),
        'Goods_Receipts.csv',
      )
    ).json.details.file_id;
    const created = await api.create({
      operation: 'insert',
      resource: [{ type: 'data', module: { api_name: 'Goods_Receipts' }, file_id: fileId }],
    });
    expect(created.status).toBe(201);
    await drainJobs(db);
    expect((await resultRows(api, created.json.details.id)).map((r) => r.STATUS)).toEqual(['ADDED']);
  });

  describe('parent and child files in one job', () => {
    const files = {
      'Receipts.csv': 'Number,Date,Warehouse\nZ-25,2026-03-02,ZW-25\n',
      'Lines.csv': 'Receipt,Line,Item,Quantity\nZ-25,1,ZI-25,2\n',
      'Serials.csv': 'Line,Serial\n1,ZS-25-1\n1,ZS-25-2\n',
    };
    const resource = (fileId: string, module: string, fileName: string, mappings: [string, number, number?][]) => ({
      type: 'data',
      module: { api_name: module },
      file_id: fileId,
      file_names: [fileName],
      field_mappings: mappings.map(([api_name, index, parent]) => ({
        api_name,
        index,
        ...(parent === undefined ? {} : { parent_column_index: parent }),
      })),
    });
    const upload = async () => {
      const archive = new JSZip();
      for (const [name, content] of Object.entries(files)) archive.file(name, content);
      return (await api.upload(await archive.generateAsync({ type: 'nodebuffer' }), 'receipts.zip')).json.details
        .file_id as string;
    };

    it("BW-25 several resources of one ZIP: file_names per resource, parent_column_index on the child's link; each file counted, one result CSV per file", async () => {
      await call(admin.key, 'POST', '/crm/v8/Warehouses', { data: [{ Code: 'ZW-25', Name: 'Z store 25' }] });
      await call(admin.key, 'POST', '/crm/v8/Items', {
        data: [{ Code: 'ZI-25', Name: 'Z scanner', Track_Serial_Numbers: true }],
      });
      const fileId = await upload();
      const created = await api.create({
        operation: 'insert',
        resource: [
          resource(fileId, 'Goods_Receipts', 'Receipts.csv', [
            ['Number', 0],
            ['Date', 1],
            ['Warehouse', 2],
          ]),
          resource(fileId, 'Document_Lines', 'Lines.csv', [
            ['Parent_Id', 0, 0],
            ['Item', 2],
            ['Quantity', 3],
          ]),
          resource(fileId, 'Document_Serials', 'Serials.csv', [
            ['Parent_Id', 0, 1],
            ['Serial', 1],
          ]),
        ],
      });
      expect(created.status).toBe(201);
      await drainJobs(db);
      const job = (await api.status(created.json.details.id)).json;
      expect(
        job.resource.map(
          (r: {
            module: { api_name: string };
            file_names: string[];
            file: { name: string; added_count: number; total_count: number };
          }) => [r.module.api_name, r.file_names, r.file.name, r.file.added_count, r.file.total_count],
        ),
      ).toEqual([
        ['Goods_Receipts', ['Receipts.csv'], 'Receipts.csv', 1, 1],
        ['Document_Lines', ['Lines.csv'], 'Lines.csv', 1, 1],
        ['Document_Serials', ['Serials.csv'], 'Serials.csv', 2, 2],
      ]);
      expect(job.resource[2].field_mappings[0]).toMatchObject({
        api_name: 'Parent_Id',
        index: 0,
        parent_column_index: 1,
      });
      const result = await JSZip.loadAsync(
        Buffer.from(await (await api.result(created.json.details.id)).arrayBuffer()),
      );
      expect(Object.keys(result.files)).toEqual(['Receipts_result.csv', 'Lines_result.csv', 'Serials_result.csv']);
      expect(await result.file('Serials_result.csv')!.async('string')).toMatch(
        /^\uFEFFLine,Serial,ROW_NUMBER,STATUS,RECORD_ID,ERRORS,ERROR_MESSAGE\r\n1,ZS-25-1,2,ADDED,\d+,,\r\n/,
      );
    });

    it('BW-26 file_names that name no file of the upload: INVALID_DATA with api_name and json_path', async () => {
      const fileId = await upload();
      const r = await api.create({
        operation: 'insert',
        resource: [
          resource(fileId, 'Goods_Receipts', 'Receipts.csv', [
            ['Number', 0],
            ['Date', 1],
            ['Warehouse', 2],
          ]),
          resource(fileId, 'Document_Lines', 'Missing.csv', [
            ['Parent_Id', 0, 0],
            ['Item', 2],
            ['Quantity', 3],
          ]),
        ],
      });
      expect(r).toMatchObject({
        status: 400,
        json: {
          status: 'error',
          code: 'INVALID_DATA',
          details: { api_name: 'file_names', json_path: '$.resource[1].file_names[0]' },
        },
      });
    });
  });
});
