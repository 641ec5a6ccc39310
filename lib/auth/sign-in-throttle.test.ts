import { describe, expect, it } from 'vitest';
import { POLICIES, waitSeconds } from './sign-in-throttle';

const at = (seconds: number) => new Date(Date.UTC(2026, 0, 1) + seconds * 1000);
const after = (failures: number, lastAt = 0) => ({ failures, lastFailureAt: at(lastAt) });

describe('sign-in back-off', () => {
  const account = POLICIES.account;

  it('lets the first five failures of an account through without waiting', () => {
    for (let failures = 0; failures < 5; failures++) expect(waitSeconds(after(failures), account, at(0))).toBe(0);
    expect(waitSeconds(undefined, account, at(0))).toBe(0);
  });

  it('then doubles the wait from 30 seconds per failure, up to 15 minutes', () => {
    expect([5, 6, 7, 8, 9, 10, 11, 20].map((n) => waitSeconds(after(n), account, at(0)))).toEqual([
      30, 60, 120, 240, 480, 900, 900, 900,
    ]);
  });

  it('counts the wait from the last failure', () => {
    expect(waitSeconds(after(6), account, at(45))).toBe(15);
    expect(waitSeconds(after(6), account, at(60))).toBe(0);
  });

  it('never makes anyone wait longer than 15 minutes after the last failure, however many there were', () => {
    expect(waitSeconds(after(1000), account, at(899))).toBe(1);
    expect(waitSeconds(after(1000), account, at(900))).toBe(0);
  });

  it('gives an address twenty failures, then waits from 10 seconds', () => {
    expect(waitSeconds(after(19), POLICIES.address, at(0))).toBe(0);
    expect([20, 21, 22].map((n) => waitSeconds(after(n), POLICIES.address, at(0)))).toEqual([10, 20, 40]);
  });

  it('lets an attacker who tries at every allowed moment make 12 attempts on one account in an hour (ASVS 2.2.1: at most 100)', () => {
    let state: { failures: number; lastFailureAt: Date } | undefined;
    let now = 0;
    let attempts = 0;
    while (now < 3600) {
      attempts++;
      state = { failures: (state?.failures ?? 0) + 1, lastFailureAt: at(now) };
      now += Math.max(1, waitSeconds(state, account, at(now)));
    }
    expect(attempts).toBe(12);
  });
});
