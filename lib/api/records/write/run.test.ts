import { describe, expect, it } from 'vitest';
import type { RecordModule } from '../module';
import { eachEntry } from './run';
import { success, type Entry } from './results';

const items = { api: 'Items', fields: [] } as unknown as RecordModule;
const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
const pathOf = (index: number) => `$.data[${index}]`;

describe('eachEntry when the database goes away', () => {
  it('throws (the whole request answers 503) when nothing was applied yet', async () => {
    await expect(
      eachEntry(['a', 'b'], pathOf, items, async () => {
        throw refused;
      }),
    ).rejects.toBe(refused);
  });

  it('reports what was applied and marks the rest retryable without trying them', async () => {
    const tried: string[] = [];
    const entries = await eachEntry(['a', 'b', 'c', 'd'], pathOf, items, async (item): Promise<Entry> => {
      tried.push(item);
      if (item === 'b') throw refused;
      return success('record added', { id: item });
    });
    expect(tried).toEqual(['a', 'b']);
    expect(entries.map((entry) => entry.code)).toEqual([
      'SUCCESS',
      'SERVICE_UNAVAILABLE',
      'SERVICE_UNAVAILABLE',
      'SERVICE_UNAVAILABLE',
    ]);
    expect(entries[2]).toMatchObject({ status: 'error', details: { json_path: '$.data[2]', retry_after: 5 } });
  });

  it('keeps other failures per record', async () => {
    const entries = await eachEntry(['a', 'b'], pathOf, items, async (item): Promise<Entry> => {
      if (item === 'a') throw new Error('boom');
      return success('record added', { id: item });
    });
    expect(entries.map((entry) => entry.code)).toEqual(['INTERNAL_ERROR', 'SUCCESS']);
  });
});
