import { describe, expect, it } from 'vitest';
import { likePattern, parseListParams } from './params';

const config = {
  sortable: ['code', 'name'] as const,
  defaultSort: { id: 'code' as const, desc: false },
  filters: ['active', 'from', 'to'] as const,
};

describe('list params from the URL', () => {
  it('reads page, size, sort, search and filters', () => {
    expect(
      parseListParams(
        { page: '3', perPage: '50', sort: 'name.desc', q: ' acme ', active: 'true', from: '2026-01-01' },
        config,
      ),
    ).toEqual({
      page: 3,
      perPage: 50,
      sort: { id: 'name', desc: true },
      q: 'acme',
      filters: { active: 'true', from: '2026-01-01' },
      problems: [],
    });
  });
  it('falls back to defaults for malformed values instead of failing', () => {
    expect(parseListParams({ page: '-2', perPage: '7', sort: 'password.asc' }, config)).toEqual({
      page: 1,
      perPage: 25,
      sort: { id: 'code', desc: false },
      q: '',
      filters: {},
      problems: [],
    });
    expect(parseListParams({ page: '1e400', perPage: 'NaN', sort: '.' }, config)).toMatchObject({
      page: 1,
      perPage: 25,
    });
  });
  it('reads the first of repeated parameters', () => {
    expect(parseListParams({ q: ['a', 'b'], active: ['yes', 'no'] }, config)).toMatchObject({
      q: 'a',
      filters: { active: 'yes' },
    });
  });
  it('sets aside control characters and impossible dates, naming the parameter', () => {
    const parsed = parseListParams(
      { q: 'a\u0000b', active: '\u001b[31m', from: '0000-01-01', to: '2026-02-30' },
      config,
    );
    expect(parsed).toMatchObject({ q: '', filters: {} });
    expect(parsed.problems).toEqual([
      { param: 'active', message: 'active contains a control character (U+001B) at position 1; remove it.' },
      { param: 'from', message: 'from must be in the years 1900 to 2999.' },
      { param: 'to', message: 'to 2026-02-30 does not exist.' },
      { param: 'q', message: 'q contains a control character (U+0000) at position 2; remove it.' },
    ]);
  });
  it('escapes LIKE wildcards', () => {
    expect(likePattern('50%_off')).toBe('%50\\%\\_off%');
    expect(likePattern('SN', 'prefix')).toBe('SN%');
  });
});
