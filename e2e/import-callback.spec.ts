import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { signIn, uniqueCode } from './helpers';

/**
 * A job created through the bulk write API with the article's `callBack` spelling: its callback fails
 * once (the receiver answers 500), is retried after the backoff, and the import page says so as it goes.
 */
test("the import page shows a job's callback deliveries and retries", async ({ page, request }) => {
  test.setTimeout(90_000);
  const answers = [500, 200];
  const bodies: string[] = [];
  const receiver = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      bodies.push(body);
      res.writeHead(answers.shift() ?? 200).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const hook = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  try {
    await signIn(page, 'admin');
    await page.goto('/admin/api-keys');
    const form = page.getByRole('form', { name: 'New API key' });
    await form.getByLabel('Key name').fill(uniqueCode('Callback key'));
    await form.getByLabel('Key role').selectOption('admin');
    await form.getByRole('button', { name: 'Create API key' }).click();
    const key = await page.getByRole('textbox', { name: 'New API key' }).inputValue();
    const auth = { authorization: `Zoho-oauthtoken ${key}` };

    const code = uniqueCode('CB');
    const upload = await request.post('/crm/v2.1/upload', {
      headers: { ...auth, feature: 'bulk-write' },
      multipart: {
        file: { name: 'items.csv', mimeType: 'text/csv', buffer: Buffer.from(`Code,Name\n${code},Called back\n`) },
      },
    });
    expect(upload.status()).toBe(200);
    const fileId = (await upload.json()).details.file_id;
    const created = await request.post('/crm/bulk/v2.1/write', {
      headers: auth,
      data: {
        operation: 'insert',
        callBack: { url: hook, method: 'post' },
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
      },
    });
    expect(created.status()).toBe(201);
    const jobId = (await created.json()).details.id;

    await page.goto(`/import?job=${jobId}`);
    const line = page.getByText(/^Callback to /);
    await expect(line).toContainText(hook);
    await expect(line).toContainText(
      'is retried: attempt 1 of 5 failed. Last attempt: The receiver answered 500. Next attempt at',
      { timeout: 20_000 },
    );
    await expect(line).toContainText('was delivered on attempt 2 of 5.', { timeout: 45_000 });
    expect(JSON.parse(bodies.at(-1)!)).toMatchObject({ state: 'COMPLETED', id: jobId, status: 'COMPLETED' });
  } finally {
    await new Promise((resolve) => receiver.close(resolve));
  }
});
