import { afterEach, describe, expect, it, vi } from 'vitest';
import { tableChanged } from '@/lib/cache/table-changes';
import { AUTH_CACHE_MS, authCaches, invalidateAuthCache, rememberedPrincipal } from './auth-cache';
import type { Principal } from './principal';

const alice: Principal = { kind: 'user', userId: 1, userName: 'Alice', email: 'a@example.com', role: 'admin' };
const answer =
  (principal: Principal | null, until = Number.POSITIVE_INFINITY) =>
  async () => ({ principal, until });

describe('remembered principals', () => {
  afterEach(() => {
    invalidateAuthCache();
    vi.useRealTimers();
  });

  it('reads once, then answers from memory for at most AUTH_CACHE_MS', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const read = vi.fn(answer(alice));
    const { sessions } = authCaches();
    expect(await rememberedPrincipal(sessions, 'cookie-1', read)).toEqual(alice);
    expect(await rememberedPrincipal(sessions, 'cookie-1', read)).toEqual(alice);
    expect(read).toHaveBeenCalledTimes(1);
    vi.setSystemTime(Date.now() + AUTH_CACHE_MS);
    await rememberedPrincipal(sessions, 'cookie-1', read);
    expect(read).toHaveBeenCalledTimes(2);
  });

  it('never remembers a refusal, nor past the moment the reader gives', async () => {
    const { sessions } = authCaches();
    const refused = vi.fn(answer(null));
    await rememberedPrincipal(sessions, 'cookie-2', refused);
    await rememberedPrincipal(sessions, 'cookie-2', refused);
    expect(refused).toHaveBeenCalledTimes(2);
    const dueNow = vi.fn(answer(alice, Date.now()));
    await rememberedPrincipal(sessions, 'cookie-3', dueNow);
    await rememberedPrincipal(sessions, 'cookie-3', dueNow);
    expect(dueNow).toHaveBeenCalledTimes(2);
  });

  it('keeps an answer read before an invalidation out of the cache (sign-out during the read)', async () => {
    const { apiKeys } = authCaches();
    let release!: () => void;
    const slowRead = () =>
      new Promise<{ principal: Principal; until: number }>((resolve) => {
        release = () => resolve({ principal: alice, until: Number.POSITIVE_INFINITY });
      });
    const pending = rememberedPrincipal(apiKeys, 'key-1', slowRead);
    invalidateAuthCache();
    release();
    expect(await pending).toEqual(alice);
    expect(apiKeys.get('key-1')).toBeUndefined();
  });

  it('forgets everything when a notification names a table it depends on, and only then', async () => {
    const { sessions, apiKeys } = authCaches();
    await rememberedPrincipal(sessions, 'cookie-4', answer(alice));
    await rememberedPrincipal(apiKeys, 'key-2', answer(alice));
    tableChanged('document');
    expect(sessions.get('cookie-4')).toEqual(alice);
    for (const table of ['session', 'user', 'api_key', undefined]) {
      await rememberedPrincipal(sessions, 'cookie-4', answer(alice));
      await rememberedPrincipal(apiKeys, 'key-2', answer(alice));
      tableChanged(table);
      expect([sessions.get('cookie-4'), apiKeys.get('key-2')], String(table)).toEqual([undefined, undefined]);
    }
  });
});
