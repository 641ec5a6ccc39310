import { describe, expect, it } from 'vitest';
import { DomainError } from '@/lib/errors';
import { isStaleVersion, nextStamp, staleMessage } from './versions';

describe('staleMessage', () => {
  const now = new Date('2026-11-22T18:30:00Z');

  it('says who and at what time when the change was made today (UTC, as the app shows times)', () => {
    expect(staleMessage('Anna Novak', new Date('2026-11-22T14:02:59Z'), now)).toBe(
      'Changed by Anna Novak at 14:02 after you opened it; reload to see the changes.',
    );
  });

  it('adds the date of an older change and falls back to "another user"', () => {
    expect(staleMessage(null, new Date('2026-11-21T23:59:00Z'), now)).toBe(
      'Changed by another user on 2026-11-21 at 23:59 after you opened it; reload to see the changes.',
    );
  });
});

describe('nextStamp and isStaleVersion', () => {
  it('raises the version and names the editor (nobody when unknown)', () => {
    expect(nextStamp({ version: 4 }, { userId: 7 })).toEqual({ version: 5, updatedBy: 7 });
    expect(nextStamp({ version: 1 }, {})).toEqual({ version: 2, updatedBy: null });
  });

  it('tells a stale-version refusal from other conflicts', () => {
    expect(isStaleVersion(new DomainError('CONFLICT', 'x', {}, { reason: 'STALE_VERSION' }))).toBe(true);
    expect(isStaleVersion(new DomainError('CONFLICT', 'Tracking cannot be switched off.'))).toBe(false);
    expect(isStaleVersion(new Error('x'))).toBe(false);
  });
});
