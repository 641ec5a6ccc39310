import { describe, expect, it } from 'vitest';
import { describeOutage, isDatabaseUnavailable, outageBackoffMs } from './db-outage';
import { isDriverWriteAfterClose } from './driver-guard';

const coded = (code: string, message = code) => Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable', () => {
  it.each(['57P01', '57P02', '57P03', '53300', '08006', '08001', 'ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'CONNECTION_CLOSED', 'CONNECT_TIMEOUT'])(
    '%s is an outage: wait and resume', (code) => {
      expect(isDatabaseUnavailable(coded(code))).toBe(true);
    });

  it.each(['23505', '22P02', '40001', '40P01', '42601', '25P02', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED', 'MAX_PARAMETERS_EXCEEDED'])(
    '%s is not: the job or our own shutdown is at fault', (code) => {
      expect(isDatabaseUnavailable(coded(code))).toBe(false);
    });

  it('looks through drizzle\'s wrapper and an AggregateError of connect attempts', () => {
    const wrapped = Object.assign(new Error('Failed query: select 1'), { cause: coded('57P01', 'terminating connection due to administrator command') });
    expect(isDatabaseUnavailable(wrapped)).toBe(true);
    expect(describeOutage(wrapped)).toBe('57P01: terminating connection due to administrator command');
    expect(isDatabaseUnavailable(new AggregateError([coded('ECONNREFUSED'), coded('ECONNREFUSED')]))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('x'), { cause: coded('23505') }))).toBe(false);
    expect([null, undefined, 'ECONNREFUSED', 42].map((value) => isDatabaseUnavailable(value))).toEqual([false, false, false, false]);
  });

  it('backs off from half a second to at most ten', () => {
    expect([0, 1, 2, 3, 4, 5, 9].map(outageBackoffMs)).toEqual([500, 1000, 2000, 4000, 8000, 10_000, 10_000]);
  });
});

describe('isDriverWriteAfterClose', () => {
  const driverError = (file: string) => {
    const error = new TypeError("Cannot read properties of null (reading 'write')");
    error.stack = `TypeError: Cannot read properties of null (reading 'write')\n    at Immediate.nextWrite (${file}:255:22)\n    at process.processImmediate (node:internal/timers:483:21)`;
    return error;
  };

  it('matches only the postgres.js write on a cleared socket', () => {
    expect(isDriverWriteAfterClose(driverError('/app/node_modules/postgres/src/connection.js'))).toBe(true);
    expect(isDriverWriteAfterClose(driverError('/app/node_modules/postgres/cjs/src/connection.js'))).toBe(true);
    expect(isDriverWriteAfterClose(driverError('/app/lib/other/connection.js'))).toBe(false);
    expect(isDriverWriteAfterClose(new TypeError("Cannot read properties of null (reading 'write')"))).toBe(false);
    expect(isDriverWriteAfterClose(coded('ECONNREFUSED'))).toBe(false);
  });
});
