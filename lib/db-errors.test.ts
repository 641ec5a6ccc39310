import { describe, expect, it } from 'vitest';
import { describeOutage, isDatabaseUnavailable } from './db-errors';

const coded = (code: string, message = code) => Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable', () => {
  it.each([
    '57P01',
    '57P02',
    '57P03',
    '53300',
    '08006',
    '08001',
    'ECONNREFUSED',
    'ECONNRESET',
    'EPIPE',
    'CONNECTION_CLOSED',
    'CONNECT_TIMEOUT',
  ])('%s is an outage: wait and resume', (code) => {
    expect(isDatabaseUnavailable(coded(code))).toBe(true);
  });

  it.each([
    '23505',
    '22P02',
    '40001',
    '40P01',
    '42601',
    '25P02',
    'CONNECTION_ENDED',
    'CONNECTION_DESTROYED',
    'MAX_PARAMETERS_EXCEEDED',
  ])('%s is not: the job or our own shutdown is at fault', (code) => {
    expect(isDatabaseUnavailable(coded(code))).toBe(false);
  });

  it("looks through drizzle's wrapper and an AggregateError of connect attempts", () => {
    const wrapped = Object.assign(new Error('Failed query: select 1'), {
      cause: coded('57P01', 'terminating connection due to administrator command'),
    });
    expect(isDatabaseUnavailable(wrapped)).toBe(true);
    expect(describeOutage(wrapped)).toBe('57P01: terminating connection due to administrator command');
    expect(isDatabaseUnavailable(new AggregateError([coded('ECONNREFUSED'), coded('ECONNREFUSED')]))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('x'), { cause: coded('23505') }))).toBe(false);
    expect([null, undefined, 'ECONNREFUSED', 42].map((value) => isDatabaseUnavailable(value))).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });
});
