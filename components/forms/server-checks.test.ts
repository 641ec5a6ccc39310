import { describe, expect, it, vi } from 'vitest';
import type { ActionResult } from '@/lib/actions/result';
import { FIELDS_SUMMARY, serverChecked, showErrors } from './server-checks';

type Failure = Extract<ActionResult<unknown>, { ok: false }>;
const failure = (code: string, error: string, fieldErrors: Record<string, string>): Failure => ({
  ok: false,
  code,
  error,
  fieldErrors,
});

function shown(result: Failure) {
  const setFieldError = vi.fn();
  const setError = vi.fn();
  showErrors(result, setFieldError, setError);
  return { summary: setError.mock.calls[0], fields: setFieldError.mock.calls };
}

describe('showErrors', () => {
  it('puts the schema’s messages on their fields, focuses the first, and does not repeat them above', () => {
    const { summary, fields } = shown(
      failure('INVALID_DATA', 'Code is required.', { code: 'Code is required.', salePrice: 'Sale price…' }),
    );
    expect(summary).toEqual([FIELDS_SUMMARY, undefined]);
    expect(fields).toEqual([
      ['code', { type: 'server', message: 'Code is required.' }, { shouldFocus: true }],
      ['salePrice', { type: 'server', message: 'Sale price…' }, { shouldFocus: false }],
    ]);
  });

  it('keeps a rule’s message above the form, and a message of the whole form', () => {
    const duplicate = failure('DUPLICATE', 'An item with code A already exists.', {
      code: 'An item with code A already exists.',
    });
    expect(shown(duplicate).summary[0]).toBe(duplicate.error);
    const whole = failure('INVALID_DATA', 'Nothing to save.', { _form: 'Nothing to save.' });
    expect(shown(whole).summary[0]).toBe(whole.error);
  });

  it('offers Reload for a stale form', () => {
    const stale = { ...failure('STALE_VERSION', 'Changed by someone else.', {}), reload: true as const };
    expect(shown(stale).summary).toEqual(['Changed by someone else.', true]);
  });
});

describe('serverChecked', () => {
  it('passes the values through with no errors: the server checks them', async () => {
    const values = { code: '', name: 'x' };
    const resolve = serverChecked<typeof values>();
    expect(await resolve(values, undefined, { fields: {}, shouldUseNativeValidation: false })).toEqual({
      values,
      errors: {},
    });
  });
});
