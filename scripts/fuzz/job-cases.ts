// Hostile job requests (POST /crm/bulk/vN/write) and job ids (GET …/write/{id}, …/result). A request is a
// plausible one with one part replaced by something it must not be; the file id names no upload, so
// nothing is ever created even when a mutation is harmless.
import type { Rng } from './builders';

const MISSING_FILE = '987654321987';

/** A hostile value of any JSON type for a field. */
function hostileValue(rng: Rng): unknown {
  return rng.pick<() => unknown>([
    () => null,
    () => true,
    () => 0,
    () => -1,
    () => Number.MAX_VALUE,
    () => 1.5,
    () => '',
    () => ' ',
    () => '\u0000',
    () => 'x'.repeat(rng.int(1_000, 200_000)),
    () => '../../etc/passwd',
    () => '<script>alert(1)</script>',
    () => "'; drop table item; --",
    () => '9'.repeat(40),
    () => '%00',
    () => '\ud800',
    () => [],
    () => {},
    () => [[[[]]]],
    () => ({ api_name: { nested: true } }),
    () => Array.from({ length: rng.int(2, 5_000) }, (_, i) => i),
  ])();
}

const MUTATIONS: [string, (body: Record<string, unknown>, rng: Rng) => void][] = [
  [
    'operation',
    (b, rng) => {
      b.operation = rng.pick([hostileValue(rng), 'drop', 'INSERT ', 'delete']);
    },
  ],
  [
    'resource',
    (b, rng) => {
      b.resource = hostileValue(rng);
    },
  ],
  [
    'resource[0]',
    (b, rng) => {
      b.resource = [hostileValue(rng)];
    },
  ],
  [
    'two resources',
    (b) => {
      b.resource = [...(b.resource as unknown[]), ...(b.resource as unknown[])];
    },
  ],
  [
    'module',
    (b, rng) => {
      resourceOf(b).module = rng.pick([
        hostileValue(rng),
        { api_name: hostileValue(rng) },
        'Users',
        '../Items',
        'Items\u0000',
      ]);
    },
  ],
  [
    'file_id',
    (b, rng) => {
      resourceOf(b).file_id = rng.pick([hostileValue(rng), 'abc', '-1', '1e3', '0x10', ' 1']);
    },
  ],
  [
    'type',
    (b, rng) => {
      resourceOf(b).type = hostileValue(rng);
    },
  ],
  [
    'find_by',
    (b, rng) => {
      b.operation = 'update';
      resourceOf(b).find_by = hostileValue(rng);
    },
  ],
  [
    'field_mappings',
    (b, rng) => {
      resourceOf(b).field_mappings = hostileValue(rng);
    },
  ],
  [
    'mapping index',
    (b, rng) => {
      resourceOf(b).field_mappings = [{ api_name: 'Code', index: rng.pick([-1, 1e9, 2.5, '0', null, 1e308]) }];
    },
  ],
  [
    'mapping name',
    (b, rng) => {
      resourceOf(b).field_mappings = [{ api_name: hostileValue(rng), index: 0 }];
    },
  ],
  [
    '10,000 mappings',
    (b) => {
      resourceOf(b).field_mappings = Array.from({ length: 10_000 }, (_, i) => ({ api_name: 'Code', index: i }));
    },
  ],
  [
    'default_value',
    (b, rng) => {
      resourceOf(b).field_mappings = [{ api_name: 'Name', default_value: hostileValue(rng) }];
    },
  ],
  [
    'callback',
    (b, rng) => {
      b.callback = rng.pick([
        hostileValue(rng),
        { url: hostileValue(rng), method: 'post' },
        { url: 'https://example.com/hook', method: hostileValue(rng) },
      ]);
    },
  ],
  [
    'callback target',
    (b, rng) => {
      b.callback = {
        url: rng.pick([
          'http://127.0.0.1/',
          'javascript:alert(1)',
          'file:///etc/passwd',
          'http://[::1]/',
          'http://169.254.169.254/latest',
          'gopher://x/',
        ]),
        method: 'post',
      };
    },
  ],
  [
    'character_encoding',
    (b, rng) => {
      b.character_encoding = rng.pick([hostileValue(rng), 'UTF-7', 'EBCDIC', 'x'.repeat(500)]);
    },
  ],
  [
    'ignore_empty',
    (b, rng) => {
      b.ignore_empty = hostileValue(rng);
    },
  ],
];

function resourceOf(body: Record<string, unknown>): Record<string, unknown> {
  return (body.resource as Record<string, unknown>[])[0];
}

/** Bodies that are not a job request at all: not JSON, the wrong JSON, or JSON nested beyond reason. */
const NOT_REQUESTS = [
  '',
  '{',
  '}',
  'null',
  '[]',
  '"text"',
  '42',
  'true',
  '{"operation":',
  '\u0000\u0001',
  '['.repeat(200_000),
  '{"a":'.repeat(50_000),
];

export function jobRequestBody(rng: Rng): { name: string; body: Buffer } {
  if (rng.next() < 0.2) {
    const text = rng.pick(NOT_REQUESTS);
    return {
      name: `body ${JSON.stringify(text.slice(0, 20))}${text.length > 20 ? `… (${text.length} chars)` : ''}`,
      body: Buffer.from(text),
    };
  }
  const body: Record<string, unknown> = {
    operation: 'insert',
    resource: [
      {
        type: 'data',
        module: { api_name: 'Items' },
        file_id: MISSING_FILE,
        field_mappings: [
          { api_name: 'Code', index: 0 },
          { api_name: 'Name', index: 1 },
        ],
      },
    ],
  };
  const [name, mutate] = rng.pick(MUTATIONS);
  mutate(body, rng);
  const text = JSON.stringify(body) ?? 'undefined';
  return { name: `${name}: ${text.slice(0, 100)}${text.length > 100 ? '…' : ''}`, body: Buffer.from(text) };
}

/** Job ids no job has: words, signs, overflow, encodings, traversal, huge. */
export const JOB_LOOKUPS = [
  'abc',
  '-1',
  '0',
  '1e3',
  '0x10',
  '1.5',
  '9'.repeat(30),
  '18446744073709551616',
  '%00',
  '..%2F..%2Fetc%2Fpasswd',
  '%F0%9F%92%A9',
  'x'.repeat(5_000),
  '1%3Bdrop%20table%20import_job',
  '%20%201',
  MISSING_FILE,
];
