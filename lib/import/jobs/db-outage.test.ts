import { describe, expect, it } from 'vitest';
import { outageBackoffMs } from './db-outage';
import { isDriverWriteAfterClose } from './driver-guard';

const coded = (code: string, message = code) => Object.assign(new Error(message), { code });

describe('outageBackoffMs', () => {
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
