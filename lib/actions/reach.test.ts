import { describe, expect, it } from 'vitest';
import { NO_ANSWER, reach } from './reach';

describe('reach: a server action called from the browser', () => {
  it("passes the action's own answer through, success or refusal", async () => {
    expect(await reach(async () => ({ ok: true as const, data: 7 }))).toEqual({ ok: true, data: 7 });
    const refusal = {
      ok: false as const,
      error: 'Code is taken.',
      code: 'DUPLICATE_DATA',
      fieldErrors: { code: 'Code is taken.' },
    };
    expect(await reach(async () => refusal)).toEqual(refusal);
  });

  it('turns a request that got no answer into a failure the form can show', async () => {
    expect(
      await reach(async () => {
        throw new TypeError('Failed to fetch');
      }),
    ).toEqual({ ok: false, error: NO_ANSWER, code: 'NO_ANSWER', fieldErrors: {} });
    expect(
      await reach(async () => {
        throw new Error('x');
      }, 'Custom.'),
    ).toMatchObject({ ok: false, error: 'Custom.' });
  });
});
