import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { signInThrottle } from '@/db/schema';
import { useTestDatabase } from '@/test/db';
import { clearAccountThrottle, signInSucceeded, takeSignInAttempt, type AttemptKey } from '@/lib/auth/sign-in-throttle';

const at = (seconds: number) => new Date(Date.UTC(2026, 0, 1) + seconds * 1000);

describe('sign-in throttling in PostgreSQL', async () => {
  const { db } = await useTestDatabase();
  const outcome = (key: AttemptKey, seconds: number) =>
    takeSignInAttempt(db, key, at(seconds)).then(
      () => 'let through',
      (error) => error.message as string,
    );
  const failures = async (bucket: string) =>
    (await db.select().from(signInThrottle).where(eq(signInThrottle.bucket, bucket)))[0]?.failures ?? 0;

  it('counts five free attempts per account, then backs off 30 s, 60 s, …; nothing is counted while refused', async () => {
    const key = { email: 'a@example.com', address: null, device: null };
    for (let i = 0; i < 5; i++) expect(await outcome(key, i)).toBe('let through');
    expect(await outcome(key, 10)).toMatch(
      /for this account\. Try again in 24 seconds, or ask an admin to reset your password/,
    );
    expect(await failures('account:a@example.com')).toBe(5);
    expect(await outcome(key, 34)).toBe('let through');
    expect(await outcome(key, 34 + 59)).toMatch(/Try again in 1 second,/);
    expect(await outcome(key, 34 + 60)).toBe('let through');
  });

  it('starts a bucket afresh after a quiet day', async () => {
    const key = { email: 'quiet@example.com', address: null, device: null };
    for (let i = 0; i < 5; i++) await outcome(key, i);
    expect(await outcome(key, 86_400 + 4)).toBe('let through');
    expect(await failures('account:quiet@example.com')).toBe(1);
  });

  it('judges parallel guesses one after another: 30 at once get exactly the 5 free attempts', async () => {
    const key = { email: 'parallel@example.com', address: null, device: null };
    const answers = await Promise.all(Array.from({ length: 30 }, () => outcome(key, 0)));
    expect(answers.filter((a) => a === 'let through')).toHaveLength(5);
  });

  it('lets a browser that signed in before through from an address an attacker exhausted (an office NAT)', async () => {
    for (let i = 0; i < 20; i++)
      await outcome({ email: `nat${i}@example.com`, address: '198.51.100.77', device: null }, 0);
    expect(await outcome({ email: 'victim@example.com', address: '198.51.100.77', device: null }, 1)).toMatch(
      /Try again/,
    );
    expect(await outcome({ email: 'victim@example.com', address: '198.51.100.77', device: 'known-browser-1' }, 1)).toBe(
      'let through',
    );
  });

  it('limits one address across accounts, without touching another address', async () => {
    for (let i = 0; i < 20; i++)
      expect(await outcome({ email: `spray${i}@example.com`, address: '198.51.100.66', device: null }, 0)).toBe(
        'let through',
      );
    expect(await outcome({ email: 'spray99@example.com', address: '198.51.100.66', device: null }, 1)).toMatch(
      /from your network address\. Try again in 9 seconds/,
    );
    expect(await outcome({ email: 'spray99@example.com', address: '198.51.100.67', device: null }, 1)).toBe(
      'let through',
    );
  });

  it('a success clears the account and gives back the address its attempt, as it was', async () => {
    const key = { email: 'ok@example.com', address: '192.0.2.50', device: null };
    for (let i = 0; i < 3; i++) await outcome(key, i);
    const attempt = await takeSignInAttempt(db, key, at(100));
    await signInSucceeded(db, attempt);
    expect(await failures('account:ok@example.com')).toBe(0);
    const [address] = await db.select().from(signInThrottle).where(eq(signInThrottle.bucket, 'address:192.0.2.50'));
    expect(address).toMatchObject({ failures: 3, lastFailureAt: at(2) });
  });

  it('a browser that signed in before has a bucket of its own: the account being backed off does not stop it', async () => {
    const attacker = { email: 'victim@example.com', address: '203.0.113.9', device: null };
    for (let i = 0; i < 5; i++) await outcome(attacker, i);
    expect(await outcome(attacker, 6)).toMatch(/for this account/);
    expect(await outcome({ email: 'victim@example.com', address: '192.0.2.10', device: 'victims-laptop' }, 6)).toBe(
      'let through',
    );
  });

  it("an admin's reset clears the account and its browsers' buckets", async () => {
    const key = { email: 'reset@example.com', address: null, device: null };
    for (let i = 0; i < 5; i++) await outcome(key, i);
    await outcome({ ...key, device: 'old-browser' }, 5);
    await clearAccountThrottle(db, 'reset@example.com');
    expect([await failures('account:reset@example.com'), await failures('device:old-browser')]).toEqual([0, 0]);
    expect(await outcome(key, 6)).toBe('let through');
  });
});
