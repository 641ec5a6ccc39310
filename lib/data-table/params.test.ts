import { describe, expect, it } from 'vitest';
import { likePattern, parseListParams } from './params';

const config = { sortable: ['code', 'name'] as const, defaultSort: { id: 'code' as const, desc: false }, filters: ['active'] as const };

describe('list params from the URL', () => {
  it('reads page, size, sort, search and filters', () => {
    expect(parseListParams({ page: '3', perPage: '50', sort: 'name.desc', q: ' acme ', active: 'true' }, config))
      .toEqual({ page: 3, perPage: 50, sort: { id: 'name', desc: true }, q: 'acme', filters: { active: 'true' } });
  });
  it('falls back to defaults for malformed values instead of failing', () => {
    expect(parseListParams({ page: '-2', perPage: '7', sort: 'password.asc' }, config))
      .toEqual({ page: 1, perPage: 25, sort: { id: 'code', desc: false }, q: '', filters: {} });
  });
  it('escapes LIKE wildcards', () => {
    expect(likePattern('50%_off')).toBe('%50\\%\\_off%');
    expect(likePattern('SN', 'prefix')).toBe('SN%');
  });
});
