import { beforeAll, describe, expect, it, vi } from 'vitest';
import { sql } from 'drizzle-orm';
import { importJob } from '@/db/schema';
import { useTestDatabase } from '@/test/db';
import { addressesOf, dnsAnswers } from '@/test/dns-stub';
import { apiCaller, keyFor, type Caller } from './api';
import { csv } from './drain';

// Callback hosts are resolved when a job is created; the tests' public hosts resolve without a network.
vi.mock('node:dns/promises', () => import('@/test/dns-stub'));
dnsAnswers.set('hooks.example.com', addressesOf('93.184.215.14'));

describe('POST /crm/bulk/vN/write validates the job like Zoho', async () => {
  const { db } = await useTestDatabase();
  let api: Caller;
  let fileId: string;
  let docFileId: string;
  const jobCount = async () => (await db.select({ n: sql<number>`count(*)::int` }).from(importJob))[0].n;
  const resource = (extra: Record<string, unknown> = {}) => ({
    type: 'data',
    module: { api_name: 'Items' },
    file_id: fileId,
    ...extra,
  });
  const job = (extra: Record<string, unknown> = {}, res: Record<string, unknown> = {}) => ({
    operation: 'insert',
    resource: [resource(res)],
    ...extra,
  });

  beforeAll(async () => {
    api = apiCaller((await keyFor(db, 'admin')).key);
    fileId = (
      await api.upload(
        csv([
          ['Code', 'Name', 'EAN'],
          ['A', 'B', ''],
        ]),
        'items.csv',
      )
    ).json.details.file_id;
    docFileId = (
      await api.upload(
        csv([
          ['Number', 'Date', 'Warehouse', 'Item', 'Quantity'],
          ['1', '2026-01-01', 'W', 'I', '1'],
        ]),
        'docs.csv',
      )
    ).json.details.file_id;
  });

  it.each([
    ['no operation', { operation: undefined }, {}, 'MANDATORY_NOT_FOUND', /operation/],
    ['an unknown operation', { operation: 'delete' }, {}, 'INVALID_DATA', /delete/],
    ['no resource', { resource: undefined }, {}, 'MANDATORY_NOT_FOUND', /resource/],
    [
      'two resources of no child module',
      { resource: [{}, {}] },
      {},
      'INVALID_DATA',
      /one document resource and its child resources/,
    ],
    ['no module', {}, { module: undefined }, 'MANDATORY_NOT_FOUND', /module/],
    ['an unknown module', {}, { module: { api_name: 'Leads' } }, 'MODULE_NOT_AVAILABLE', /Leads/],
    ['no file_id', {}, { file_id: undefined }, 'MANDATORY_NOT_FOUND', /file_id/],
    ['a malformed file_id', {}, { file_id: 'abc' }, 'INVALID_FILE_ID', /abc/],
    ['an unknown file_id', {}, { file_id: '999999' }, 'INVALID_FILE_ID', /999999/],
    [
      'a 19-digit file_id',
      {},
      { file_id: '1000000000000000000' },
      'INVALID_FILE_ID',
      /No uploaded file has the file_id 1000000000000000000/,
    ],
    [
      'a file_id beyond bigint',
      {},
      { file_id: '9223372036854775808' },
      'INVALID_FILE_ID',
      /9223372036854775808' is not valid/,
    ],
    ['an unknown field', {}, { field_mappings: [{ api_name: 'Colour', index: 0 }] }, 'INVALID_FIELD_NAME', /Colour/],
    [
      'a column that does not exist',
      {},
      {
        field_mappings: [
          { api_name: 'Code', index: 0 },
          { api_name: 'Name', index: 7 },
        ],
      },
      'COLUMN_INDEX_NOT_FOUND',
      /Column 7/,
    ],
    ['a negative index', {}, { field_mappings: [{ api_name: 'Code', index: -1 }] }, 'COLUMN_INDEX_NOT_FOUND', /-1/],
    [
      'Name not mapped on insert',
      {},
      { field_mappings: [{ api_name: 'Code', index: 0 }] },
      'MANDATORY_FIELDS_NOT_MAPPED',
      /Name/,
    ],
    ['update without find_by', { operation: 'update' }, {}, 'MANDATORY_NOT_FOUND', /find_by/],
    [
      'update with a find_by that is not unique',
      { operation: 'update' },
      { find_by: 'Name' },
      'INVALID_DATA',
      /Code, EAN, id/,
    ],
    [
      'update with the find_by field unmapped',
      { operation: 'update' },
      { find_by: 'EAN', field_mappings: [{ api_name: 'Code', index: 0 }] },
      'MANDATORY_FIELDS_NOT_MAPPED',
      /EAN/,
    ],
    [
      'a callback method other than post',
      { callback: { url: 'https://example.com/hook', method: 'get' } },
      {},
      'INVALID_CALLBACK_METHOD',
      /get/,
    ],
    [
      'a callback that is not http(s)',
      { callback: { url: 'ftp://example.com/hook', method: 'post' } },
      {},
      'INVALID_URL_PATTERN',
      /http/,
    ],
    [
      'a callback that is not a URL',
      { callback: { url: 'not a url', method: 'post' } },
      {},
      'INVALID_URL_PATTERN',
      /not a valid URL/,
    ],
    [
      'a callBack method other than post',
      { callBack: { url: 'https://example.com/hook', method: 'put' } },
      {},
      'INVALID_CALLBACK_METHOD',
      /put/,
    ],
    [
      'both callback and callBack',
      {
        callback: { url: 'https://example.com/a', method: 'post' },
        callBack: { url: 'https://example.com/b', method: 'post' },
      },
      {},
      'INVALID_DATA',
      /once/,
    ],
    ['an unknown character encoding', { character_encoding: 'EBCDIC' }, {}, 'INVALID_DATA', /EBCDIC/],
    ['ignore_empty that is not a boolean', { ignore_empty: 'yes' }, {}, 'INVALID_DATA', /ignore_empty/],
    [
      'a date format on a text field',
      {},
      {
        field_mappings: [
          { api_name: 'Code', index: 0, format: 'dd.MM.yyyy' },
          { api_name: 'Name', index: 1 },
        ],
      },
      'INVALID_DATA',
      /date fields/,
    ],
    [
      'more than 200 mappings',
      {},
      { field_mappings: Array.from({ length: 201 }, () => ({ api_name: 'Code', index: 0 })) },
      'LIMIT_EXCEEDED',
      /200/,
    ],
  ])('refuses %s', async (_, body, res, code, message) => {
    const before = await jobCount();
    const response = await api.create(job(body, res));
    expect(response.status).toBe(400);
    expect(response.json).toMatchObject({ status: 'error', code, details: expect.any(Object) });
    expect(response.json.message).toMatch(message);
    expect(await jobCount()).toBe(before);
  });

  it('refuses a document find_by other than Number or External_Number, unmapped keys and lines, and a lookup find_by that is not unique', async () => {
    const docs = { type: 'data', module: 'Goods_Receipts', file_id: docFileId };
    expect((await api.create({ operation: 'upsert', resource: [{ ...docs, find_by: 'id' }] })).json).toMatchObject({
      code: 'INVALID_DATA',
      message: 'find_by must be one of External_Number, Number for Goods_Receipts.',
    });
    const noNumber = await api.create({
      operation: 'update',
      resource: [{ ...docs, find_by: 'External_Number', field_mappings: [{ api_name: 'Date', index: 1 }] }],
    });
    expect(noNumber.json).toMatchObject({
      code: 'MANDATORY_FIELDS_NOT_MAPPED',
      message: 'An update into Goods_Receipts needs these fields mapped: Number.',
    });
    // Mapping a line column replaces the lines: they need their items and quantities.
    const halfLines = await api.create({
      operation: 'update',
      resource: [
        {
          ...docs,
          find_by: 'Number',
          field_mappings: [
            { api_name: 'Number', index: 0 },
            { api_name: 'Quantity', index: 4 },
          ],
        },
      ],
    });
    expect(halfLines.json).toMatchObject({
      code: 'MANDATORY_FIELDS_NOT_MAPPED',
      message: 'An update into Goods_Receipts needs these fields mapped: Item.',
    });
    const badLookup = await api.create({
      operation: 'insert',
      resource: [
        {
          ...docs,
          field_mappings: [
            { api_name: 'Number', index: 0 },
            { api_name: 'Date', index: 1 },
            { api_name: 'Warehouse', index: 2 },
            { api_name: 'Item', index: 3, find_by: 'Name' },
            { api_name: 'Quantity', index: 4 },
          ],
        },
      ],
    });
    expect(badLookup.json).toMatchObject({
      code: 'INVALID_DATA',
      message: "Item can be looked up by Code, EAN, id, not by 'Name'.",
    });
    const unmapped = await api.create({
      operation: 'insert',
      resource: [{ ...docs, field_mappings: [{ api_name: 'Number', index: 0 }] }],
    });
    expect(unmapped.json).toMatchObject({
      code: 'MANDATORY_FIELDS_NOT_MAPPED',
      message: expect.stringMatching(/Date, Warehouse, Item, Quantity/),
    });
  });

  it('refuses private callback targets unless ALLOW_PRIVATE_CALLBACKS=true', async () => {
    const previous = process.env.ALLOW_PRIVATE_CALLBACKS;
    process.env.ALLOW_PRIVATE_CALLBACKS = 'false';
    try {
      for (const url of [
        'http://127.0.0.1:8080/h',
        'http://localhost/h',
        'http://10.1.2.3/h',
        'http://2130706433/h',
        'http://0x7f.0.0.1/h',
        'http://0177.0.0.1/h',
        'http://[::1]/h',
        'http://[::ffff:127.0.0.1]/h',
        'http://[fd00::1]/h',
        'http://169.254.169.254/latest',
        'http://0.0.0.0/h',
      ]) {
        const response = await api.create(job({ callback: { url, method: 'post' } }));
        expect(response.json, url).toMatchObject({
          code: 'INVALID_URL_PATTERN',
          message: expect.stringMatching(/private or local/),
        });
      }
      process.env.ALLOW_PRIVATE_CALLBACKS = 'true';
      expect((await api.create(job({ callback: { url: 'http://127.0.0.1:8080/h', method: 'post' } }))).status).toBe(
        201,
      );
    } finally {
      process.env.ALLOW_PRIVATE_CALLBACKS = previous;
    }
  });

  it('creates a job (module as a string or an object) and reports it in Zoho shape', async () => {
    const created = await api.create({
      operation: 'insert',
      ignore_empty: true,
      callback: { url: 'https://hooks.example.com/bulk', method: 'post' },
      resource: [
        {
          type: 'data',
          module: 'items',
          file_id: fileId,
          field_mappings: [
            { api_name: 'Code', index: 0 },
            { api_name: 'Name', index: 1, default_value: { value: 'Unnamed' } },
          ],
        },
      ],
    });
    expect(created).toMatchObject({
      status: 201,
      json: {
        status: 'success',
        code: 'SUCCESS',
        message: 'success',
        details: {
          id: expect.stringMatching(/^\d+$/),
          created_by: { id: expect.stringMatching(/^\d+$/), name: expect.any(String) },
        },
      },
    });
    const status = await api.status(created.json.details.id);
    expect(status.status).toBe(200);
    expect(status.json).toEqual({
      status: 'ADDED',
      character_encoding: 'UTF-8',
      operation: 'insert',
      id: created.json.details.id,
      created_time: expect.stringMatching(/[+-]\d{2}:\d{2}$/),
      created_by: created.json.details.created_by,
      callback: { url: 'https://hooks.example.com/bulk', method: 'post' },
      ignore_empty: true,
      dry_run: false,
      resource: [
        {
          status: 'ADDED',
          type: 'data',
          module: { api_name: 'Items', id: expect.stringMatching(/^\d+$/) },
          field_mappings: [
            { api_name: 'Code', index: 0, format: null, find_by: null, module: null, default_value: null },
            {
              api_name: 'Name',
              index: 1,
              format: null,
              find_by: null,
              module: null,
              default_value: { value: 'Unnamed' },
            },
          ],
          file: {
            status: 'ADDED',
            name: 'items.csv',
            added_count: 0,
            skipped_count: 0,
            updated_count: 0,
            total_count: 1,
            processed_count: 0,
          },
        },
      ],
    });
  });

  it('echoes character_encoding as requested, and reads the file with it', async () => {
    for (const label of ['ISO-8859-1', 'latin1', 'cp1250']) {
      const created = await api.create({
        operation: 'insert',
        character_encoding: label,
        resource: [
          {
            type: 'data',
            module: { api_name: 'Items' },
            file_id: fileId,
            field_mappings: [
              { api_name: 'Code', index: 0 },
              { api_name: 'Name', index: 1 },
            ],
          },
        ],
      });
      expect(created.status, label).toBe(201);
      expect((await api.status(created.json.details.id)).json.character_encoding).toBe(label);
    }
  });

  it('lets one user have at most 20 jobs waiting or running, also when the requests arrive together', async () => {
    const busy = await keyFor(db, 'admin');
    const caller = apiCaller(busy.key);
    const file = (
      await caller.upload(
        csv([
          ['Code', 'Name'],
          ['A', 'B'],
        ]),
        'items.csv',
      )
    ).json.details.file_id;
    const body = { operation: 'insert', resource: [{ type: 'data', module: 'Items', file_id: file }] };
    const answers = await Promise.all(Array.from({ length: 26 }, () => caller.create(body)));
    expect(answers.filter((a) => a.status === 201)).toHaveLength(20);
    const refused = answers.filter((a) => a.status !== 201);
    expect(refused).toHaveLength(6);
    for (const answer of refused) {
      expect(answer).toMatchObject({
        status: 400,
        json: {
          code: 'LIMIT_EXCEEDED',
          message: 'You already have 20 bulk write jobs waiting or running; wait for them to finish.',
        },
      });
    }
    expect(
      (
        await db
          .select({ n: sql<number>`count(*)::int` })
          .from(importJob)
          .where(sql`${importJob.createdBy} = ${busy.userId}`)
      )[0].n,
    ).toBe(20);
  });

  it('answers 404 RESOURCE_NOT_FOUND for an unknown job', async () => {
    for (const id of ['987654321', 'abc']) {
      const response = await api.status(id);
      expect(response).toMatchObject({
        status: 404,
        json: { status: 'error', code: 'RESOURCE_NOT_FOUND', message: "The requested resource doesn't exist." },
      });
    }
    expect((await api.result('987654321')).status).toBe(404);
  });
});
