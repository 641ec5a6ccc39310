import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '@/test/db';
import { assertSignInAllowed, clearSignInFailures, recordSignInFailure, THROTTLE } from './sign-in-throttle';

describe('sign-in throttling', async () => {
  const { db } = await useTestDatabase();

  it('locks an account after repeated failures, from any IP', async () => {
    for (let i = 0; i < THROTTLE.perAccount; i++) await recordSignInFailure(db, 'a@example.com', `10.0.0.${i}`);
    await expect(assertSignInAllowed(db, 'a@example.com', '10.9.9.9')).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    await expect(assertSignInAllowed(db, 'b@example.com', '10.9.9.9')).resolves.toBeUndefined();
    await clearSignInFailures(db, 'a@example.com');
    await expect(assertSignInAllowed(db, 'a@example.com', '10.9.9.9')).resolves.toBeUndefined();
  });

  it('locks an IP that tries many accounts', async () => {
    for (let i = 0; i < THROTTLE.perIp; i++) await recordSignInFailure(db, `user${i}@example.com`, '192.0.2.7');
    await expect(assertSignInAllowed(db, 'fresh@example.com', '192.0.2.7')).rejects.toThrow(/Too many failed sign-ins/);
  });
});
