import { describe, expect, it } from 'vitest';
import { ChunkSizer, FIRST_CHUNK_ROWS, MAX_CHUNK_ROWS } from './chunk-size';

describe('ChunkSizer', () => {
  it('starts small and grows at most fourfold a chunk while chunks are quick', () => {
    const sizer = new ChunkSizer();
    expect(sizer.next()).toBe(FIRST_CHUNK_ROWS);
    sizer.took(FIRST_CHUNK_ROWS, 10);
    expect(sizer.next()).toBe(4 * FIRST_CHUNK_ROWS);
    sizer.took(4 * FIRST_CHUNK_ROWS, 40);
    expect(sizer.next()).toBe(MAX_CHUNK_ROWS);
    sizer.took(MAX_CHUNK_ROWS, 50);
    expect(sizer.next()).toBe(MAX_CHUNK_ROWS);
  });

  it('aims at half a second of work when rows are slow (documents posted one by one)', () => {
    const sizer = new ChunkSizer();
    sizer.took(1000, 2000);
    expect(sizer.next()).toBe(250);
    sizer.took(250, 100_000);
    expect(sizer.next()).toBe(100);
  });

  it('sizes by the rows a chunk really had (the last one may be short)', () => {
    const sizer = new ChunkSizer();
    sizer.took(200, 100);
    expect(sizer.next()).toBe(1000);
  });

  it('keeps a fixed size when one is given', () => {
    const sizer = new ChunkSizer(3);
    sizer.took(3, 1);
    sizer.took(3, 60_000);
    expect(sizer.next()).toBe(3);
  });
});
