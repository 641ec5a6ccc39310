import { randomBytes } from 'node:crypto';
import { deflateRawSync } from 'node:zlib';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { fileError } from './__fixtures__/expect-error';
import { craftZip } from './__fixtures__/craft-zip';
import { openSafeZip, type SafeZip } from './safe-zip';

async function jszipBytes(files: Record<string, string | Buffer>): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, content] of Object.entries(files)) zip.file(name, content);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

function entryNamed(zip: SafeZip, name: string) {
  const entry = zip.entries.find((candidate) => candidate.name === name);
  if (!entry) throw new Error(`no entry ${name}`);
  return entry;
}

describe('openSafeZip: reading', () => {
  it('lists files and reads them, skipping directories and macOS clutter', async () => {
    const zip = new JSZip();
    zip.folder('data');
    zip.file('data/items.csv', 'Code,Name\nA,Apple\n');
    zip.file('__MACOSX/data/._items.csv', 'junk');
    zip.file('.DS_Store', 'junk');
    const safe = await openSafeZip(await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    expect(safe.entries.map((entry) => entry.name)).toEqual(['data/items.csv']);
    const content = await safe.readEntry(entryNamed(safe, 'data/items.csv'));
    expect(content.toString('utf8')).toBe('Code,Name\nA,Apple\n');
    expect(safe.inflatedBytes).toBe(content.length);
  });

  it('reads stored (uncompressed) entries', async () => {
    const safe = await openSafeZip(craftZip([{ name: 'a.csv', content: Buffer.from('x,y\n'), method: 0 }]));
    expect((await safe.readEntry(safe.entries[0])).toString()).toBe('x,y\n');
  });

  it('treats backslashes as folder separators when they stay inside the archive', async () => {
    const safe = await openSafeZip(craftZip([{ name: 'data\\items.csv', content: Buffer.from('a') }]));
    expect(safe.entries[0].name).toBe('data/items.csv');
  });
});

describe('openSafeZip: damaged archives', () => {
  it('refuses bytes that are not a ZIP', async () => {
    await expect(openSafeZip(Buffer.from('PK\x03\x04 definitely not a zip'))).rejects.toEqual(
      fileError('INVALID_FILE_FORMAT', /^The file is not a readable ZIP archive/),
    );
  });

  it('refuses a truncated ZIP', async () => {
    const bytes = await jszipBytes({ 'a.csv': 'a,b\n1,2\n' });
    await expect(openSafeZip(bytes.subarray(0, bytes.length - 30))).rejects.toEqual(fileError('INVALID_FILE_FORMAT'));
  });

  it('refuses an entry whose data was cut or corrupted', async () => {
    const content = randomBytes(2000);
    const packed = deflateRawSync(content);
    packed[10] ^= 0xff;
    packed[20] ^= 0xff;
    const safe = await openSafeZip(craftZip([{ name: 'a.csv', content, packed }]));
    await expect(safe.readEntry(safe.entries[0])).rejects.toEqual(fileError('INVALID_FILE_FORMAT', /a\.csv/));
  });

  it('refuses an entry whose checksum does not match', async () => {
    const safe = await openSafeZip(craftZip([{ name: 'a.csv', content: Buffer.from('hello'), crc: 12345 }]));
    await expect(safe.readEntry(safe.entries[0])).rejects.toEqual(
      fileError('INVALID_FILE_FORMAT', "The ZIP entry 'a.csv' fails its checksum; the archive is damaged."),
    );
  });

  it('refuses an entry that holds fewer bytes than it declares', async () => {
    const safe = await openSafeZip(craftZip([{ name: 'a.csv', content: Buffer.from('hello'), declaredSize: 50 }]));
    await expect(safe.readEntry(safe.entries[0])).rejects.toEqual(
      fileError(
        'INVALID_FILE_FORMAT',
        "The ZIP entry 'a.csv' declares 50 bytes but holds 5; the archive is damaged or forged.",
      ),
    );
  });

  it('refuses unsupported compression methods', async () => {
    const safe = await openSafeZip(
      craftZip([{ name: 'a.csv', content: Buffer.from('x'), method: 12, packed: Buffer.from('BZh') }]),
    );
    await expect(safe.readEntry(safe.entries[0])).rejects.toEqual(
      fileError('FILE_NOT_SUPPORTED', /compression method 12/),
    );
  });

  it('refuses the same name listed twice', async () => {
    const bytes = craftZip([
      { name: 'a.csv', content: Buffer.from('1') },
      { name: 'a.csv', content: Buffer.from('2') },
    ]);
    await expect(openSafeZip(bytes)).rejects.toEqual(
      fileError('INVALID_FILE_FORMAT', "The ZIP archive lists 'a.csv' twice; refused."),
    );
  });
});

describe('openSafeZip: hostile names', () => {
  it.each([
    ['../evil.csv'],
    ['data/../../evil.csv'],
    ['/etc/passwd'],
    ['C:/Windows/evil.csv'],
    ['c:evil.csv'],
    ['..\\evil.csv'],
    ['data\\..\\..\\evil.csv'],
    ['\\\\server\\share\\evil.csv'],
  ])('refuses %j', async (name) => {
    await expect(openSafeZip(craftZip([{ name, content: Buffer.from('a') }]))).rejects.toEqual(
      fileError('INVALID_FILE_FORMAT', /has a path that leaves the archive; refused\.$/),
    );
  });

  it('says which entry it refused', async () => {
    await expect(openSafeZip(craftZip([{ name: '../evil.csv', content: Buffer.from('a') }]))).rejects.toThrowError(
      "The ZIP entry '../evil.csv' has a path that leaves the archive; refused.",
    );
  });
});

describe('openSafeZip: encryption and nesting', () => {
  it('refuses a deflated entry flagged as encrypted', async () => {
    const bytes = craftZip([{ name: 'secret.csv', content: Buffer.from('a,b'), flags: 0x1 }]);
    await expect(openSafeZip(bytes)).rejects.toEqual(
      fileError(
        'FILE_NOT_SUPPORTED',
        "The ZIP entry 'secret.csv' is password-protected; upload an archive without a password.",
      ),
    );
  });

  it('refuses a stored encrypted entry (ZipCrypto adds a 12-byte header)', async () => {
    const content = Buffer.from('a,b');
    const bytes = craftZip([
      { name: 'secret.csv', content, method: 0, packed: Buffer.concat([randomBytes(12), content]), flags: 0x1 },
    ]);
    await expect(openSafeZip(bytes)).rejects.toEqual(fileError('FILE_NOT_SUPPORTED', /password-protected/));
  });

  it('refuses "strong encryption" flagged archives', async () => {
    const bytes = craftZip([{ name: 'secret.csv', content: Buffer.from('a'), flags: 0x41 }]);
    await expect(openSafeZip(bytes)).rejects.toEqual(fileError('FILE_NOT_SUPPORTED', /password-protected/));
  });

  it('refuses an entry named .zip', async () => {
    const inner = await jszipBytes({ 'a.csv': 'a' });
    await expect(openSafeZip(await jszipBytes({ 'inner.ZIP': inner }))).rejects.toEqual(
      fileError(
        'FILE_NOT_SUPPORTED',
        "The ZIP entry 'inner.ZIP' is itself a ZIP archive; nested archives are refused.",
      ),
    );
  });

  it('refuses a ZIP disguised under another name, unless ZIP content is expected', async () => {
    const inner = await jszipBytes({ 'a.csv': 'a' });
    const safe = await openSafeZip(await jszipBytes({ 'data.csv': inner }));
    await expect(safe.readEntry(safe.entries[0])).rejects.toEqual(
      fileError('FILE_NOT_SUPPORTED', /'data\.csv' is itself a ZIP archive/),
    );
    await expect(safe.readEntry(safe.entries[0], { allowZipContent: true })).resolves.toEqual(inner);
  });
});

describe('openSafeZip: size limits', () => {
  it('refuses more entries than allowed', async () => {
    const entries = Array.from({ length: 101 }, (_, i) => ({ name: `f${i}.txt`, content: Buffer.from('x') }));
    await expect(openSafeZip(craftZip(entries))).rejects.toEqual(
      fileError('LIMIT_EXCEEDED', 'The ZIP archive has 101 entries; at most 100 are allowed.'),
    );
    await expect(openSafeZip(craftZip(entries.slice(0, 100)))).resolves.toBeDefined();
  });

  it('refuses a bomb whose headers claim a tiny size, by counting real bytes (ratio)', async () => {
    const zeros = Buffer.alloc(8 * 1024 * 1024);
    const bytes = craftZip([{ name: 'bomb.csv', content: zeros, declaredSize: 100 }]);
    const safe = await openSafeZip(bytes);
    expect(safe.entries[0].declaredSize).toBe(100);
    await expect(safe.readEntry(safe.entries[0])).rejects.toEqual(
      fileError(
        'INVALID_FILE_FORMAT',
        "The ZIP entry 'bomb.csv' inflates more than 100 times its packed size, which is how ZIP bombs look; refused.",
      ),
    );
  });

  it('refuses an entry whose real size passes the total budget although its headers lie', async () => {
    const content = randomBytes(300 * 1024); // incompressible, so the ratio stays ~1
    const safe = await openSafeZip(craftZip([{ name: 'big.csv', content, declaredSize: 10 }]), {
      maxInflatedBytes: 200 * 1024,
    });
    await expect(safe.readEntry(safe.entries[0])).rejects.toEqual(
      fileError(
        'FILE_TOO_LARGE',
        "The archive unpacks to more than 0.2 MB, the most we accept (passed while inflating 'big.csv').",
      ),
    );
  });

  it('refuses honest but oversized entries before inflating them', async () => {
    const safe = await openSafeZip(await jszipBytes({ 'big.csv': Buffer.alloc(5000, 0x61) }), {
      maxInflatedBytes: 4000,
    });
    await expect(safe.readEntry(safe.entries[0])).rejects.toEqual(
      fileError('FILE_TOO_LARGE', /passed while inflating 'big\.csv'/),
    );
  });

  it('shares the budget across the entries of one archive', async () => {
    const safe = await openSafeZip(await jszipBytes({ 'a.csv': 'x'.repeat(600), 'b.csv': 'y'.repeat(600) }), {
      maxInflatedBytes: 1000,
    });
    await safe.readEntry(entryNamed(safe, 'a.csv'));
    await expect(safe.readEntry(entryNamed(safe, 'b.csv'))).rejects.toEqual(fileError('FILE_TOO_LARGE', /'b\.csv'/));
  });

  it('does not let concurrent reads double-spend the budget', async () => {
    const safe = await openSafeZip(await jszipBytes({ 'a.csv': 'x'.repeat(600), 'b.csv': 'y'.repeat(600) }), {
      maxInflatedBytes: 1000,
    });
    const results = await Promise.allSettled(safe.entries.map((entry) => safe.readEntry(entry)));
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected']);
  });

  it('lets small entries compress as well as they like', async () => {
    const safe = await openSafeZip(await jszipBytes({ 'zeros.csv': Buffer.alloc(512 * 1024) }));
    await expect(safe.readEntry(safe.entries[0])).resolves.toHaveLength(512 * 1024);
  });

  it('checks the ratio on honest headers too, once past the threshold', async () => {
    const safe = await openSafeZip(await jszipBytes({ 'zeros.csv': Buffer.alloc(4 * 1024 * 1024) }));
    await expect(safe.readEntry(safe.entries[0])).rejects.toEqual(fileError('INVALID_FILE_FORMAT', /ZIP bombs/));
  });
});
