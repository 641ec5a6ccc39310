import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { useTestDatabase } from '@/test/db';
import { addressesOf, dnsAnswers as answers } from '@/test/dns-stub';
import { apiCaller, keyFor } from '@/test/import/api';
import { drainCallbacks, drainJobs } from '@/test/import/drain';
import { createJob, itemRows, principalOf } from '@/test/import/jobs';
import { jobState } from '@/test/import/wait';

// DNS as the tests need it: names that resolve to private addresses, and one "public" host.
vi.mock('node:dns/promises', () => import('@/test/dns-stub'));

// No public host is reachable from a test, so 127.0.0.2 (loopback, answered locally) stands in for
// one: the guard treats it as public when a name resolves to it; every other address is judged as usual.
const STAND_IN_PUBLIC = '127.0.0.2';
vi.mock('@/lib/import/request/callback-url', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/lib/import/request/callback-url')>();
  return {
    ...actual,
    isPrivateAddress: (address: string) => address !== STAND_IN_PUBLIC && actual.isPrivateAddress(address),
  };
});

const { deliverCallback } = await import('@/lib/import/jobs/callbacks/deliver');

/** Every way of writing an internal address in a URL; `PORT` is replaced by a live internal server's port. */
const HOSTILE_TARGETS = [
  // loopback, private, link-local, carrier-grade NAT, unspecified
  'http://127.0.0.1:PORT/',
  'http://10.1.2.3/',
  'http://172.16.0.1/',
  'http://192.168.1.1/',
  'http://169.254.169.254/latest/meta-data/',
  'http://100.64.0.1/',
  'http://0.0.0.0:PORT/',
  'http://0:PORT/',
  // IPv6 forms
  'http://[::1]:PORT/',
  'http://[0:0:0:0:0:0:0:1]:PORT/',
  'http://[::ffff:127.0.0.1]:PORT/',
  'http://[::ffff:7f00:1]:PORT/',
  'http://[::127.0.0.1]:PORT/',
  'http://[fe80::1]/',
  'http://[fc00::1]/',
  'http://[fd12:3456::1]/',
  'http://[::]:PORT/',
  'http://[fec0::1]/',
  'http://[::ffff:0:127.0.0.1]:PORT/',
  'http://[2002:7f00:1::]/',
  'http://[64:ff9b::7f00:1]/',
  'http://[ff02::1]/',
  'http://[100::1]/',
  'http://[2001::1]/',
  // decimal, hex, octal and short IPv4 spellings, trailing dots, full-width digits
  'http://2130706433:PORT/',
  'http://0x7f000001:PORT/',
  'http://0177.0.0.1:PORT/',
  'http://127.1:PORT/',
  'http://0x7f.1:PORT/',
  'http://017700000001:PORT/',
  'http://127.000.000.001:PORT/',
  'http://127.0.0.1.:PORT/',
  'http://２１３０７０６４３３:PORT/',
  'http://①②⑦.0.0.1:PORT/',
  // names of this machine
  'http://localhost:PORT/',
  'http://LOCALHOST./',
  'http://api.localhost/',
  'http://ip6-localhost:PORT/',
  'http://localhost.localdomain:PORT/',
  'http://metadata.google.internal/',
];

describe('callback targets inside our network are refused when private callbacks are not allowed', async () => {
  const { db } = await useTestDatabase();
  const hits: { server: string; path: string }[] = [];
  const servers: http.Server[] = [];
  let internalPort = 0;
  let publicPort = 0;
  let redirectStatus = 302;
  let admin: Awaited<ReturnType<typeof keyFor>>;

  async function listen(host: string, name: string, answer: (response: http.ServerResponse) => void): Promise<number> {
    const server = http.createServer((request, response) => {
      hits.push({ server: name, path: request.url ?? '' });
      request.resume();
      request.on('end', () => answer(response));
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, host, resolve));
    return (server.address() as AddressInfo).port;
  }

  beforeAll(async () => {
    delete process.env.ALLOW_PRIVATE_CALLBACKS;
    process.env.IMPORT_CALLBACK_BACKOFF_MS = '10,10,10,10';
    internalPort = await listen('127.0.0.1', 'internal', (response) => response.writeHead(200).end('secret'));
    publicPort = await listen(STAND_IN_PUBLIC, 'public', (response) =>
      response.writeHead(redirectStatus, { location: `http://127.0.0.1:${internalPort}/steal` }).end(),
    );
    admin = await keyFor(db, 'admin');
  });
  afterEach(() => {
    hits.length = 0;
    answers.clear();
    delete process.env.ALLOW_PRIVATE_CALLBACKS;
  });
  afterAll(async () => {
    delete process.env.IMPORT_CALLBACK_BACKOFF_MS;
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  });

  const targets = () => HOSTILE_TARGETS.map((url) => url.replace('PORT', String(internalPort)));

  it('job creation answers INVALID_URL_PATTERN for every spelling', async () => {
    const api = apiCaller(admin.key);
    const uploaded = await api.upload(Buffer.from('Code,Name\r\nCB-1,One\r\n'), 'items.csv');
    const refused: string[] = [];
    for (const url of targets()) {
      const created = await api.create({
        operation: 'insert',
        callback: { url, method: 'post' },
        resource: [{ type: 'data', module: { api_name: 'Items' }, file_id: uploaded.json.details.file_id }],
      });
      if (
        created.status === 400 &&
        created.json.code === 'INVALID_URL_PATTERN' &&
        /private or local address/.test(created.json.message)
      )
        refused.push(url);
    }
    expect(refused).toEqual(targets());
  });

  it('delivery refuses them too, before connecting (a job stored while they were allowed)', async () => {
    answers.set('ip6-localhost', [{ address: '::1', family: 6 }]);
    for (const url of targets()) {
      const result = await deliverCallback(url, '{}', 'secret', 2_000);
      expect(result, url).toMatchObject({
        ok: false,
        error: expect.stringMatching(/private or local address|private address/),
      });
    }
    expect(hits).toEqual([]);
  });

  it('a name that resolves to any internal address is refused at delivery', async () => {
    const names: [string, string[]][] = [
      ['rebind.example', ['127.0.0.1']],
      ['mixed.example', ['93.184.216.34', '10.0.0.7']],
      ['v6.example', ['fe80::1']],
      ['mapped.example', ['::ffff:169.254.169.254']],
      ['sixtofour.example', ['2002:a9fe:a9fe::1']],
      ['site.example', ['fec0::1']],
    ];
    for (const [name, addresses] of names) {
      answers.set(name, addressesOf(...addresses));
      const result = await deliverCallback(`http://${name}:${internalPort}/hook`, '{}', 'secret', 2_000);
      expect(result, name).toMatchObject({
        ok: false,
        error: expect.stringMatching(new RegExp(`^${name} resolves to the private address `)),
      });
    }
    expect(hits).toEqual([]);
  });

  it.each([301, 302, 303, 307, 308])(
    'a public receiver that redirects (%i) to an internal address never gets it called',
    async (status) => {
      redirectStatus = status;
      answers.set('hooks.example.com', [{ address: STAND_IN_PUBLIC, family: 4 }]);
      const id = await createJob(
        db,
        principalOf(admin),
        itemRows(`RDR${status}`, 2),
        { operation: 'insert', callback: { url: `http://hooks.example.com:${publicPort}/bulk`, method: 'post' } },
        { module: 'Items' },
      );
      await drainJobs(db);
      for (let attempt = 0; attempt < 5; attempt++) {
        await drainCallbacks(db);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(await jobState(db, id)).toMatchObject({
        callbackState: 'failed',
        callbackAttempts: 5,
        callbackLastError: `Redirect (${status}) not followed.`,
      });
      expect(hits.filter((hit) => hit.server === 'public')).toHaveLength(5);
      expect(hits.filter((hit) => hit.server === 'internal')).toEqual([]);
    },
  );
});
