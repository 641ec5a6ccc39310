import { beforeAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import Papa from 'papaparse';
import { sql } from 'drizzle-orm';
import { importJob } from '@/db/schema';
import { postDocument } from '@/lib/inventory/post';
import { getDocument, getDocumentLines } from '@/lib/inventory/queries/document-detail';
import { useTestDatabase } from '@/test/db';
import { seedWorld } from '@/test/fixtures';
import { apiCaller, keyFor, type Caller } from './api';
import { csv, drainJobs } from './drain';

/** A ZIP of CSV files, as a client would upload it. */
async function zipOf(files: Record<string, (string | number)[][]>): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, rows] of Object.entries(files)) zip.file(name, csv(rows));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** Every result CSV of a job's result ZIP, by file name, as rows by column name. */
async function resultFiles(api: Caller, id: string) {
  const zip = await JSZip.loadAsync(Buffer.from(await (await api.result(id)).arrayBuffer()));
  const files: Record<string, Record<string, string>[]> = {};
  for (const name of Object.keys(zip.files)) {
    const text = (await zip.file(name)!.async('string')).replace(/^\uFEFF/, '');
    files[name] = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
  }
  return files;
}

const RECEIPT = ['Number', 'Date', 'Partner', 'Warehouse', 'Note'];
const LINE = ['Parent_Id', 'Line_Id', 'Item', 'Quantity', 'Unit_Price', 'VAT_Rate'];
const SERIAL = ['Parent_Id', 'Serial'];
const FLAT = [
  'Number',
  'Date',
  'Partner',
  'Warehouse',
  'Note',
  'Item',
  'Quantity',
  'Unit_Price',
  'VAT_Rate',
  'Serial_Numbers',
];

/** The same receipts in both layouts, told apart by a prefix on every Number and serial number. */
function receipts(prefix: string) {
  const documents = [
    [`${prefix}R-1`, '2026-02-01', 'SUP', 'MAIN', 'two lines'],
    [`${prefix}R-2`, '2026-02-02', '', 'MAIN', ''],
    [`${prefix}R-3`, '2026-02-03', 'SUP', 'MAIN', 'a taken serial'],
  ];
  const lines = [
    [`${prefix}R-1`, 'L1', 'ACME-1', '2', '100', '21'],
    [`${prefix}R-2`, 'L2', 'CABLE', '5.5', '3', '21'],
    [`${prefix}R-1`, 'L3', 'CABLE', '1', '2', '12'],
    [`${prefix}R-3`, 'L4', 'ACME-2', '2', '50', '21'],
  ];
  const serials = [
    ['L1', `${prefix}SN-1`],
    ['L1', `${prefix}SN-2`],
    ['L4', `${prefix}SN-3`],
    ['L4', 'TAKEN-1'],
  ];
  const serialsOf = (line: string) =>
    serials
      .filter((s) => s[0] === line)
      .map((s) => s[1])
      .join(';');
  const flat = lines.map((line) => {
    const document = documents.find((d) => d[0] === line[0])!;
    return [...document, line[2], line[3], line[4], line[5], serialsOf(line[1])];
  });
  return {
    zip: {
      'receipts.csv': [RECEIPT, ...documents],
      'lines.csv': [LINE, ...lines],
      'serials.csv': [SERIAL, ...serials],
    },
    flat: [FLAT, ...flat],
  };
}

const RESOURCES = (fileId: string, extra: Record<string, unknown>[] = [{}, {}, {}]) => [
  { type: 'data', module: { api_name: 'Goods_Receipts' }, file_id: fileId, file_names: ['receipts.csv'], ...extra[0] },
  { type: 'data', module: { api_name: 'Document_Lines' }, file_id: fileId, file_names: ['lines.csv'], ...extra[1] },
  { type: 'data', module: { api_name: 'Document_Serials' }, file_id: fileId, file_names: ['serials.csv'], ...extra[2] },
];

describe('parent and child resources in one bulk write job', async () => {
  const { db } = await useTestDatabase();
  let api: Caller;
  let world: Awaited<ReturnType<typeof seedWorld>>;
  const jobCount = async () => (await db.select({ n: sql<number>`count(*)::int` }).from(importJob))[0].n;

  async function upload(bytes: Buffer, name: string) {
    const uploaded = await api.upload(bytes, name);
    expect(uploaded.status).toBe(200);
    return uploaded.json.details.file_id as string;
  }

  async function run(body: Record<string, unknown>) {
    const created = await api.create(body);
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    await drainJobs(db);
    const id = created.json.details.id as string;
    return { id, status: (await api.status(id)).json, files: await resultFiles(api, id) };
  }

  /** The documents the rows of a result name, as the detail page reads them, without what differs by design. */
  async function documentsOf(recordIds: string[], prefix: string) {
    const strip = (text: string) => text.replace(prefix, '');
    return Promise.all(
      [...new Set(recordIds.filter(Boolean))].map(async (id) => {
        const header = (await getDocument(db, BigInt(id)))!;
        const lines = await getDocumentLines(db, header);
        return {
          date: header.date,
          partner: header.partner?.code ?? null,
          warehouse: header.warehouse.code,
          note: header.note,
          externalNumber: strip(header.externalNumber ?? ''),
          totals: header.totals,
          lines: lines.map((l) => ({
            item: l.itemCode,
            quantity: l.quantity,
            unitPrice: l.unitPrice,
            vatRate: l.vatRate,
            serials: l.serials.map((s) => strip(s.serial)),
          })),
        };
      }),
    );
  }

  beforeAll(async () => {
    world = await seedWorld(db);
    api = apiCaller((await keyFor(db, 'admin')).key);
    await postDocument(
      db,
      {
        kind: 'goods_receipt',
        date: '2026-01-10',
        warehouseId: world.main,
        lines: [{ itemId: world.other, quantity: '1', serials: ['TAKEN-1'] }],
      },
      world.actor,
    );
  });

  it('posts the same documents as the equivalent flat file, and refuses the same document for the same reason', async () => {
    const flatData = receipts('F');
    const flat = await run({
      operation: 'insert',
      resource: [{ type: 'data', module: 'Goods_Receipts', file_id: await upload(csv(flatData.flat), 'flat.csv') }],
    });
    const zipData = receipts('P');
    const parentChild = await run({
      operation: 'insert',
      resource: RESOURCES(await upload(await zipOf(zipData.zip), 'receipts.zip')),
    });

    const flatRows = flat.files['flat_result.csv'];
    expect(flatRows.map((r) => [r.STATUS, r.ERRORS])).toEqual([
      ['ADDED', ''],
      ['ADDED', ''],
      ['ADDED', ''],
      ['SKIPPED', 'DUPLICATE_DATA-Serial_Numbers'],
    ]);
    const {
      'receipts_result.csv': documents,
      'lines_result.csv': lines,
      'serials_result.csv': serials,
    } = parentChild.files;
    expect(Object.keys(parentChild.files).sort()).toEqual([
      'lines_result.csv',
      'receipts_result.csv',
      'serials_result.csv',
    ]);
    const posted = await documentsOf(
      documents.map((r) => r.RECORD_ID),
      'P',
    );
    expect(posted.map((d) => d.lines.length)).toEqual([2, 1]);
    expect(posted).toEqual(
      await documentsOf(
        flatRows.map((r) => r.RECORD_ID),
        'F',
      ),
    );

    // Each file keeps its own columns; every row points to its document's id.
    expect(Object.keys(documents[0])).toEqual([
      ...RECEIPT,
      'ROW_NUMBER',
      'STATUS',
      'RECORD_ID',
      'ERRORS',
      'ERROR_MESSAGE',
    ]);
    expect(Object.keys(serials[0])).toEqual([
      ...SERIAL,
      'ROW_NUMBER',
      'STATUS',
      'RECORD_ID',
      'ERRORS',
      'ERROR_MESSAGE',
    ]);
    const idOf = Object.fromEntries(documents.map((r) => [r.Number, r.RECORD_ID]));
    expect(lines.map((r) => [r.STATUS, r.RECORD_ID])).toEqual([
      ['ADDED', idOf['PR-1']],
      ['ADDED', idOf['PR-2']],
      ['ADDED', idOf['PR-1']],
      ['SKIPPED', ''],
    ]);
    expect(serials.map((r) => [r.Serial, r.STATUS, r.RECORD_ID])).toEqual([
      ['PSN-1', 'ADDED', idOf['PR-1']],
      ['PSN-2', 'ADDED', idOf['PR-1']],
      ['PSN-3', 'SKIPPED', ''],
      ['TAKEN-1', 'SKIPPED', ''],
    ]);
    // The refusal lands on the serial's own row, with the flat file's words; the others point to it.
    expect(serials[3]).toMatchObject({
      ERRORS: 'DUPLICATE_DATA-Serial_Numbers',
      ERROR_MESSAGE: flatRows[3].ERROR_MESSAGE,
    });
    for (const row of [documents[2], lines[3], serials[2]]) {
      expect(row).toMatchObject({
        ERRORS: 'CANNOT_PROCESS',
        ERROR_MESSAGE: 'Document PR-3 was not imported: see row 5 of serials.csv.',
      });
    }

    expect(
      parentChild.status.resource.map((r: { module: { api_name: string }; file_names: string[]; file: object }) => [
        r.module.api_name,
        r.file_names,
        r.file,
      ]),
    ).toEqual([
      [
        'Goods_Receipts',
        ['receipts.csv'],
        {
          status: 'COMPLETED',
          name: 'receipts.csv',
          added_count: 2,
          skipped_count: 1,
          updated_count: 0,
          total_count: 3,
          processed_count: 3,
        },
      ],
      [
        'Document_Lines',
        ['lines.csv'],
        {
          status: 'COMPLETED',
          name: 'lines.csv',
          added_count: 3,
          skipped_count: 1,
          updated_count: 0,
          total_count: 4,
          processed_count: 4,
        },
      ],
      [
        'Document_Serials',
        ['serials.csv'],
        {
          status: 'COMPLETED',
          name: 'serials.csv',
          added_count: 2,
          skipped_count: 2,
          updated_count: 0,
          total_count: 4,
          processed_count: 4,
        },
      ],
    ]);
    expect(parentChild.status.resource[1].field_mappings[0]).toEqual({
      api_name: 'Parent_Id',
      index: 0,
      format: null,
      find_by: null,
      module: null,
      default_value: null,
      parent_column_index: 0,
    });
  });

  it('skips children that name no parent, and a document without lines, and posts the rest', async () => {
    const fileId = await upload(
      await zipOf({
        'receipts.csv': [RECEIPT, ['O-1', '2026-02-05', '', 'MAIN', ''], ['O-2', '2026-02-05', '', 'MAIN', '']],
        'lines.csv': [LINE, ['O-1', 'L1', 'CABLE', '1', '1', '21'], ['O-9', 'L2', 'CABLE', '1', '1', '21']],
        'serials.csv': [SERIAL, ['L404', 'OSN-1']],
      }),
      'orphans.zip',
    );
    const { files } = await run({ operation: 'insert', resource: RESOURCES(fileId) });
    expect(files['receipts_result.csv'].map((r) => [r.STATUS, r.ERRORS, r.ERROR_MESSAGE])).toEqual([
      ['ADDED', '', ''],
      ['SKIPPED', 'MANDATORY_NOT_FOUND', 'Document O-2 has no lines: no row of lines.csv names it in Parent_Id.'],
    ]);
    expect(files['lines_result.csv'].map((r) => [r.STATUS, r.ERRORS, r.ERROR_MESSAGE])).toEqual([
      ['ADDED', '', ''],
      ['SKIPPED', 'RESOURCE_NOT_FOUND-Parent_Id', 'No row of receipts.csv has O-9 in Number.'],
    ]);
    expect(files['serials_result.csv'][0]).toMatchObject({
      STATUS: 'SKIPPED',
      ERRORS: 'RESOURCE_NOT_FOUND-Parent_Id',
      ERROR_MESSAGE: 'No row of lines.csv has L404 in Line_Id.',
    });
  });

  it('links by the columns parent_column_index names, and reads a ZIP of two files without serials', async () => {
    const fileId = await upload(
      await zipOf({
        'docs.csv': [
          ['Ref', 'Number', 'Date', 'Warehouse'],
          ['a', 'K-1', '2026-02-06', 'MAIN'],
        ],
        'items.csv': [
          ['Qty', 'Code', 'Doc'],
          ['3', 'CABLE', 'a'],
        ],
      }),
      'two.zip',
    );
    const { files, status } = await run({
      operation: 'insert',
      resource: [
        {
          type: 'data',
          module: 'Goods_Receipts',
          file_id: fileId,
          file_names: ['docs.csv'],
          field_mappings: [
            { api_name: 'Number', index: 1 },
            { api_name: 'Date', index: 2 },
            { api_name: 'Warehouse', index: 3 },
          ],
        },
        {
          type: 'data',
          module: 'Document_Lines',
          file_id: fileId,
          file_names: ['items.csv'],
          field_mappings: [
            { api_name: 'Parent_Id', index: 2, parent_column_index: 0 },
            { api_name: 'Item', index: 1 },
            { api_name: 'Quantity', index: 0 },
          ],
        },
      ],
    });
    expect(files['items_result.csv'][0]).toMatchObject({
      STATUS: 'ADDED',
      RECORD_ID: files['docs_result.csv'][0].RECORD_ID,
    });
    expect(status.resource).toHaveLength(2);
  });

  it('refuses file_names that name no file of the ZIP, or a file of the wrong shape, with the key and its json_path', async () => {
    const fileId = await upload(await zipOf(receipts('X').zip), 'refused.zip');
    const before = await jobCount();
    const refused = async (resource: unknown[], code: string, details: Record<string, unknown>, message: RegExp) => {
      const response = await api.create({ operation: 'insert', resource });
      expect(response.status).toBe(400);
      expect(response.json).toMatchObject({ status: 'error', code, details });
      expect(response.json.message).toMatch(message);
    };
    await refused(
      RESOURCES(fileId, [{}, { file_names: ['nope.csv'] }, {}]),
      'INVALID_DATA',
      { api_name: 'file_names', json_path: '$.resource[1].file_names[0]' },
      /no data file named 'nope.csv'; it holds 'receipts.csv', 'lines.csv', 'serials.csv'/,
    );
    await refused(
      RESOURCES(fileId, [{}, { file_names: ['serials.csv'] }, { file_names: ['lines.csv'] }]),
      'MANDATORY_FIELDS_NOT_MAPPED',
      { api_names: ['Item', 'Quantity'], json_path: '$.resource[1]' },
      /Document_Lines needs these fields mapped: Item, Quantity/,
    );
    await refused(
      RESOURCES(fileId, [{}, {}, { file_names: undefined }]),
      'MANDATORY_NOT_FOUND',
      { api_name: 'file_names', json_path: '$.resource[2].file_names' },
      /file_names/,
    );
    await refused(
      RESOURCES(fileId, [{}, { file_names: 'lines.csv' }, {}]),
      'INVALID_DATA',
      { json_path: '$.resource[1].file_names' },
      /\["lines.csv"\]/,
    );
    await refused(
      RESOURCES(fileId, [{}, {}, { file_names: ['lines.csv'] }]),
      'INVALID_DATA',
      { json_path: '$.resource[2].file_names' },
      /read by \$\.resource\[1\]/,
    );
    await refused(
      RESOURCES(fileId, [
        {},
        {
          field_mappings: [
            { api_name: 'Parent_Id', index: 0, parent_column_index: 9 },
            { api_name: 'Item', index: 2 },
            { api_name: 'Quantity', index: 3 },
          ],
        },
        {},
      ]),
      'COLUMN_INDEX_NOT_FOUND',
      { api_name: 'parent_column_index', json_path: '$.resource[1].field_mappings[0].parent_column_index' },
      /Column 9 of receipts.csv/,
    );
    await refused(
      RESOURCES(fileId, [
        {
          field_mappings: [
            { api_name: 'Number', index: 0 },
            { api_name: 'Item', index: 1 },
          ],
        },
        {},
        {},
      ]),
      'INVALID_DATA',
      { json_path: '$.resource[0].field_mappings[1].api_name' },
      /Item is a field of the lines/,
    );
    await refused(
      RESOURCES(fileId, [{ field_mappings: [{ api_name: 'Number', index: 0, parent_column_index: 0 }] }, {}, {}]),
      'INVALID_DATA',
      { json_path: '$.resource[0].field_mappings[0].parent_column_index' },
      /only applies to the Parent_Id of a child resource/,
    );
    await refused(
      RESOURCES(fileId).slice(0, 1).concat(RESOURCES(fileId).slice(2)),
      'INVALID_DATA',
      { json_path: '$.resource[1].module' },
      /needs a Document_Lines resource/,
    );
    await refused(
      RESOURCES(fileId, [{}, { file_id: '1' }, {}]),
      'INVALID_DATA',
      { json_path: '$.resource[1].file_id' },
      /same uploaded ZIP/,
    );
    await refused(
      [{ type: 'data', module: 'Items', file_id: fileId, file_names: ['receipts.csv'] }, RESOURCES(fileId)[1]],
      'INVALID_DATA',
      { json_path: '$.resource[0].module' },
      /Items has no child resources/,
    );
    await refused(
      [RESOURCES(fileId)[1]],
      'INVALID_DATA',
      { json_path: '$.resource[0].module' },
      /Document_Lines is a child module/,
    );
    await refused(
      [...RESOURCES(fileId), RESOURCES(fileId)[1]],
      'LIMIT_EXCEEDED',
      { json_path: '$.resource' },
      /at most 3 resources/,
    );
    expect(await jobCount()).toBe(before);
  });

  it('keeps one-resource jobs as they were: a ZIP of several files needs file_names, and then reads that file alone', async () => {
    const fileId = await upload(
      await zipOf({
        'items.csv': [
          ['Code', 'Name'],
          ['PC-ITEM', 'From a ZIP of two'],
        ],
        'notes.csv': [['Text'], ['hello']],
      }),
      'two-files.zip',
    );
    const missing = await api.create({
      operation: 'insert',
      resource: [{ type: 'data', module: 'Items', file_id: fileId }],
    });
    expect(missing).toMatchObject({
      status: 400,
      json: { code: 'MANDATORY_NOT_FOUND', details: { api_name: 'file_names', json_path: '$.resource[0].file_names' } },
    });
    expect(missing.json.message).toMatch(/holds 2 data files \('items.csv', 'notes.csv'\)/);
    const { status, files } = await run({
      operation: 'insert',
      resource: [{ type: 'data', module: 'Items', file_id: fileId, file_names: ['items.csv'] }],
    });
    expect(status.resource[0]).toMatchObject({
      file_names: ['items.csv'],
      file: { name: 'items.csv', added_count: 1, total_count: 1 },
    });
    expect(Object.keys(files)).toEqual(['items_result.csv']);
  });
});
