import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import * as ZOHOCRMSDK from '@zohocrm/typescript-sdk-8.0';
import { createDb } from '@/db/client';
import { ImportWorker, workerOptionsFromEnv } from '@/lib/import/jobs/worker';
import { useTestDatabase } from '@/test/db';
import { seedWorld } from '@/test/fixtures';
import { keyFor } from './api';
import { startRouteServer } from './http-server';

const { BulkWrite } = ZOHOCRMSDK;

/** The official Zoho CRM TypeScript SDK, pointed at our server with only its base URL and token changed. */
describe('Zoho CRM TypeScript SDK against the bulk write API', async () => {
  const { url } = await useTestDatabase();
  let server: Awaited<ReturnType<typeof startRouteServer>>;
  let dir: string;
  let worker: ImportWorker;
  let workerDb: ReturnType<typeof createDb>;

  beforeAll(async () => {
    const { db } = createDb(url, 2);
    await seedWorld(db);
    const admin = await keyFor(db, 'admin');
    server = await startRouteServer();
    // Links the app hands out (download_url) come from configuration, never from the request (issue 14).
    process.env.PUBLIC_URL = server.origin;
    dir = await mkdtemp(path.join(tmpdir(), 'zoho-sdk-'));
    workerDb = createDb(url, 4);
    worker = new ImportWorker(workerDb, { ...workerOptionsFromEnv(), pollMs: 100, log: () => {} });
    await worker.start();
    const environment = new ZOHOCRMSDK.Environment(server.origin, `${server.origin}/oauth/v2/token`, server.origin);
    const token = new ZOHOCRMSDK.OAuthBuilder().accessToken(admin.key).build();
    await new ZOHOCRMSDK.InitializeBuilder()
      .environment(environment)
      .token(token)
      .store(new ZOHOCRMSDK.FileStore(path.join(dir, 'tokens.txt')))
      .SDKConfig(new ZOHOCRMSDK.SDKConfigBuilder().pickListValidation(false).autoRefreshFields(false).build())
      .resourcePath(dir)
      .logger(new ZOHOCRMSDK.LogBuilder().level(ZOHOCRMSDK.Levels.OFF).filePath(path.join(dir, 'sdk.log')).build())
      .initialize();
  });

  afterAll(async () => {
    delete process.env.PUBLIC_URL;
    await worker?.stop();
    await workerDb?.sql.end();
    await server?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  /** A ZIP of these files, uploaded through the SDK: its file_id. */
  async function uploadZip(name: string, files: Record<string, string>): Promise<string> {
    const zip = new JSZip();
    for (const [fileName, content] of Object.entries(files)) zip.file(fileName, content);
    const zipPath = path.join(dir, name);
    await writeFile(zipPath, await zip.generateAsync({ type: 'nodebuffer' }));
    const body = new BulkWrite.FileBodyWrapper();
    body.setFile(new ZOHOCRMSDK.StreamWrapper(undefined, undefined, zipPath));
    const headers = new ZOHOCRMSDK.HeaderMap();
    await headers.add(BulkWrite.UploadFileHeader.FEATURE, 'bulk-write');
    await headers.add(BulkWrite.UploadFileHeader.X_CRM_ORG, '1');
    const uploaded = (await new BulkWrite.BulkWriteOperations().uploadFile(body, headers)).getObject();
    expect(uploaded).toBeInstanceOf(BulkWrite.SuccessResponse);
    // The SDK parses file_id as a 64-bit integer, which is why ids leave the server as numeric strings.
    const fileId = String((uploaded as InstanceType<typeof BulkWrite.SuccessResponse>).getDetails().get('file_id'));
    expect(fileId).toMatch(/^\d+$/);
    return fileId;
  }

  it('uploads, creates a job, polls it and downloads the result', async () => {
    const fileId = await uploadZip('items.zip', {
      'items.csv': 'Code,Name,Sale_Price\nSDK-1,From the SDK,10\nSDK-2,,5\n',
    });
    const operations = new BulkWrite.BulkWriteOperations();

    const request = new BulkWrite.RequestWrapper();
    request.setOperation(new ZOHOCRMSDK.Choice('insert'));
    const resource = new BulkWrite.Resource();
    resource.setType(new ZOHOCRMSDK.Choice('data'));
    const itemsModule = new ZOHOCRMSDK.Modules.MinifiedModule();
    itemsModule.setAPIName('Items');
    resource.setModule(itemsModule);
    resource.setFileId(fileId);
    const mappings = ['Code', 'Name', 'Sale_Price'].map((name, index) => {
      const mapping = new BulkWrite.FieldMapping();
      mapping.setAPIName(name);
      mapping.setIndex(index);
      return mapping;
    });
    resource.setFieldMappings(mappings);
    request.setResource([resource]);
    const created = (await operations.createBulkWriteJob(request)).getObject();
    expect(created).toBeInstanceOf(BulkWrite.SuccessResponse);
    const jobId = String((created as InstanceType<typeof BulkWrite.SuccessResponse>).getDetails().get('id'));

    let details: InstanceType<typeof BulkWrite.BulkWriteResponse> | undefined;
    for (let attempt = 0; attempt < 100; attempt++) {
      const polled = (await operations.getBulkWriteJobDetails(jobId)).getObject();
      expect(polled).toBeInstanceOf(BulkWrite.BulkWriteResponse);
      details = polled as InstanceType<typeof BulkWrite.BulkWriteResponse>;
      if (details.getStatus() === 'COMPLETED') break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(details!.getStatus()).toBe('COMPLETED');
    const file = details!.getResource()[0].getFile();
    expect([file.getAddedCount(), file.getSkippedCount(), file.getTotalCount()]).toEqual([1, 1, 2]);

    const downloaded = (await operations.downloadBulkWriteResult(details!.getResult().getDownloadUrl())).getObject();
    expect(downloaded).toBeInstanceOf(BulkWrite.FileBodyWrapper);
    const stream = (downloaded as InstanceType<typeof BulkWrite.FileBodyWrapper>).getFile();
    // The SDK hands the downloaded body over as one Buffer (typed as a stream).
    const bytes = stream.getStream() as unknown as Buffer;
    expect(Buffer.isBuffer(bytes)).toBe(true);
    expect(stream.getName()).toMatch(/^bulk_write_\d+_result\.zip$/);
    const result = await JSZip.loadAsync(bytes);
    const csv = await result.file(Object.keys(result.files)[0])!.async('string');
    expect(csv).toContain('SDK-2,,5,3,SKIPPED,,MANDATORY_NOT_FOUND-Name,Enter the name.');
    // With only an access token, the SDK first asks who the token belongs to (and, knowing the user, the org).
    expect(server.requests.slice(0, 4)).toEqual([
      'GET /crm/v8/users?type=CurrentUser',
      'GET /crm/v8/org',
      'POST /crm/v8/upload',
      'POST /crm/bulk/v8/write',
    ]);
    expect(server.requests.at(-1)).toBe(`GET /crm/bulk/v8/write/${jobId}/result`);
  });

  it('creates a parent/child job: one ZIP, a resource per file with file_names, Parent_Id with parent_column_index', async () => {
    const fileId = await uploadZip('receipts.zip', {
      'receipts.csv': 'Number,Date,Warehouse\nSDK-R1,2026-03-01,MAIN\n',
      'lines.csv': 'Receipt,Line,Item,Quantity\nSDK-R1,1,ACME-1,2\nSDK-R1,2,CABLE,4\n',
      'serials.csv': 'Line,Serial\n1,SDK-SN-1\n1,SDK-SN-2\n',
    });
    const operations = new BulkWrite.BulkWriteOperations();

    const mapping = (apiName: string, index: number, parentColumnIndex?: number) => {
      const m = new BulkWrite.FieldMapping();
      m.setAPIName(apiName);
      m.setIndex(index);
      if (parentColumnIndex !== undefined) m.setParentColumnIndex(parentColumnIndex);
      return m;
    };
    const resource = (module: string, fileName: string, mappings: InstanceType<typeof BulkWrite.FieldMapping>[]) => {
      const r = new BulkWrite.Resource();
      r.setType(new ZOHOCRMSDK.Choice('data'));
      const minified = new ZOHOCRMSDK.Modules.MinifiedModule();
      minified.setAPIName(module);
      r.setModule(minified);
      r.setFileId(fileId);
      r.setFileNames([fileName]);
      r.setFieldMappings(mappings);
      return r;
    };
    const request = new BulkWrite.RequestWrapper();
    request.setOperation(new ZOHOCRMSDK.Choice('insert'));
    request.setResource([
      resource('Goods_Receipts', 'receipts.csv', [mapping('Number', 0), mapping('Date', 1), mapping('Warehouse', 2)]),
      resource('Document_Lines', 'lines.csv', [mapping('Parent_Id', 0, 0), mapping('Item', 2), mapping('Quantity', 3)]),
      resource('Document_Serials', 'serials.csv', [mapping('Parent_Id', 0, 1), mapping('Serial', 1)]),
    ]);
    const created = (await operations.createBulkWriteJob(request)).getObject();
    expect(created).toBeInstanceOf(BulkWrite.SuccessResponse);
    const jobId = String((created as InstanceType<typeof BulkWrite.SuccessResponse>).getDetails().get('id'));

    let details: InstanceType<typeof BulkWrite.BulkWriteResponse> | undefined;
    for (let attempt = 0; attempt < 100 && details?.getStatus() !== 'COMPLETED'; attempt++) {
      details = (await operations.getBulkWriteJobDetails(jobId)).getObject() as InstanceType<
        typeof BulkWrite.BulkWriteResponse
      >;
      if (details.getStatus() !== 'COMPLETED') await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(details!.getStatus()).toBe('COMPLETED');
    const files = details!
      .getResource()
      .map((r) => [
        r.getModule().getAPIName(),
        r.getFileNames(),
        r.getFile().getName(),
        r.getFile().getAddedCount(),
        r.getFile().getTotalCount(),
      ]);
    expect(files).toEqual([
      ['Goods_Receipts', ['receipts.csv'], 'receipts.csv', 1, 1],
      ['Document_Lines', ['lines.csv'], 'lines.csv', 2, 2],
      ['Document_Serials', ['serials.csv'], 'serials.csv', 2, 2],
    ]);
    expect(details!.getResource()[2].getFieldMappings()[0].getParentColumnIndex()).toBe(1);
    const downloaded = (
      await operations.downloadBulkWriteResult(details!.getResult().getDownloadUrl())
    ).getObject() as InstanceType<typeof BulkWrite.FileBodyWrapper>;
    const result = await JSZip.loadAsync(downloaded.getFile().getStream() as unknown as Buffer);
    expect(Object.keys(result.files)).toEqual(['receipts_result.csv', 'lines_result.csv', 'serials_result.csv']);
  });
});
