import { vi } from 'vitest';

/**
 * DNS as a test says it is, without a network: a test file replaces the resolver with
 *   vi.mock('node:dns/promises', () => import('@/test/dns-stub'));
 * and sets what each name answers in `dnsAnswers`. A name without an entry does not exist (ENOTFOUND).
 */
export type DnsAnswer = { address: string; family: number }[] | { error: string } | 'never answers';

export const dnsAnswers = new Map<string, DnsAnswer>();

/** `{ address, family }` for each address, the family read from the address. */
export const addressesOf = (...addresses: string[]) =>
  addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));

export const lookup = vi.fn(async (host: string) => {
  const answer = dnsAnswers.get(host) ?? { error: 'ENOTFOUND' };
  if (answer === 'never answers') return new Promise(() => {});
  if (!Array.isArray(answer))
    throw Object.assign(new Error(`getaddrinfo ${answer.error} ${host}`), { code: answer.error });
  return answer;
});
