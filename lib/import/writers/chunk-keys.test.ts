import { describe, expect, it } from 'vitest';
import { ChunkKeys } from './chunk-keys';

const keys = (codes: unknown[], eans: unknown[] = [], ids: bigint[] = []) => {
  const set = new ChunkKeys();
  codes.forEach((code) => set.addCode(code));
  eans.forEach((ean) => set.addEan(ean));
  ids.forEach((id) => set.addId(id));
  return set;
};

describe('ChunkKeys', () => {
  it('keeps codes and EANs trimmed and leaves out empty or missing ones', () => {
    const set = keys([' A-1 ', '', '   ', null, undefined, 7], [' 859 ', ''], [5n]);
    expect([...set.codes]).toEqual(['A-1']);
    expect([...set.eans]).toEqual(['859']);
    expect([...set.ids]).toEqual([5n]);
  });

  it('meets another set on a shared code, EAN or id, each compared only with its own kind', () => {
    expect(keys(['A']).sharesAnyWith(keys(['B', 'A ']))).toBe(true);
    expect(keys([], ['859']).sharesAnyWith(keys([], ['859']))).toBe(true);
    expect(keys([], [], [3n]).sharesAnyWith(keys([], [], [3n]))).toBe(true);
    expect(keys(['859'], [], [3n]).sharesAnyWith(keys(['A'], ['859'], [4n]))).toBe(false);
    expect(keys([]).sharesAnyWith(keys([]))).toBe(false);
  });
});
