import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import * as ZOHOCRMSDK from '@zohocrm/typescript-sdk-8.0';
import { createDb } from '@/db/client';
import { ImportWorker, workerOptionsFromEnv } from '@/lib/import/jobs/worker';
import { useTestDatabase } from '@/test/db';
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

  it('uploads, creates a job, polls it and downloads the result', async () => {
    const zip = new JSZip();
    zip.file('items.csv', 'Code,Name,Sale_Price\nSDK-1,From the SDK,10\nSDK-2,,5\n');
    const zipPath = path.join(dir, 'items.zip');
    await writeFile(zipPath, await zip.generateAsync({ type: 'nodebuffer' }));
    const operations = new BulkWrite.BulkWriteOperations();

    const body = new BulkWrite.FileBodyWrapper();
    body.setFile(new ZOHOCRMSDK.StreamWrapper(undefined, undefined, zipPath));
    const headers = new ZOHOCRMSDK.HeaderMap();
    await headers.add(BulkWrite.UploadFileHeader.FEATURE, 'bulk-write');
    await headers.add(BulkWrite.UploadFileHeader.X_CRM_ORG, '1');
    const uploaded = (await operations.uploadFile(body, headers)).getObject();
    expect(uploaded).toBeInstanceOf(BulkWrite.SuccessResponse);
    // The SDK parses file_id as a 64-bit integer, which is why ids leave the server as numeric strings.
    const fileId = String((uploaded as InstanceType<typeof BulkWrite.SuccessResponse>).getDetails().get('file_id'));
    expect(fileId).toMatch(/^\d+$/);

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
    expect(server.requests.slice(0, 4)).toEqual(['GET /crm/v8/users?type=CurrentUser', 'GET /crm/v8/org', 'POST /crm/v8/upload', 'POST /crm/bulk/v8/write']);
    expect(server.requests.at(-1)).toBe(`GET /crm/bulk/v8/write/${jobId}/result`);
  });
});
