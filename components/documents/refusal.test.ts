import { describe, expect, it } from 'vitest';
import { DomainError } from '@/lib/errors';
import { InventoryRuleError } from '@/lib/inventory/problems';
import { failureOf } from '@/lib/actions/result';
import { withLineProblems } from './line-problems';
import { refusalHeadline } from './refusal-problems';

const si = { id: '12', number: 'SI-2026-00002', kind: 'sales_invoice' as const };

describe('a refusal reaches the browser with every problem', () => {
  it('keeps each problem of a rule refusal with the document to change first', () => {
    const error = new InventoryRuleError([
      {
        code: 'ISSUED_LATER',
        line: 0,
        serial: 'A',
        message:
          'GR-1 cannot be changed or deleted: serial A was issued later by GI-1 of SI-2026-00002; change or delete SI-2026-00002 first.',
        blockedBy: si,
      },
      {
        code: 'ISSUED_LATER',
        line: 0,
        serial: 'B',
        message: 'GR-1 cannot be changed or deleted: serial B …',
        blockedBy: si,
      },
      { code: 'INSUFFICIENT_STOCK', line: 1, message: 'GR-1 cannot be changed or deleted: stock of CBL …' },
    ]);
    const failure = failureOf(withLineProblems(error));
    expect(failure).toMatchObject({
      ok: false,
      code: 'CONFLICT',
      error: expect.stringContaining('(and 2 more problems)'),
    });
    if (failure.ok) throw new Error('refused');
    expect(failure.problems).toEqual([
      { message: error.problems[0].message, line: 0, document: si },
      { message: error.problems[1].message, line: 0, document: si },
      { message: error.problems[2].message, line: 1 },
    ]);
    expect(refusalHeadline(failure.error, failure.problems, 'GR-1 not deleted')).toBe('GR-1 not deleted: 3 problems.');
  });

  it('points a duplicate external number to the document holding it, and leaves other refusals alone', () => {
    const existing = { id: '5', number: 'GR-2026-00001', kind: 'goods_receipt' as const };
    const duplicate = failureOf(
      new DomainError('DUPLICATE_DATA', 'Goods receipt DL-1 is already entered as GR-2026-00001.', {}, { existing }),
    );
    expect(duplicate).toMatchObject({
      problems: [{ message: 'Goods receipt DL-1 is already entered as GR-2026-00001.', document: existing }],
    });
    const plain = failureOf(new DomainError('NOT_FOUND', 'Gone.'));
    expect(plain).not.toHaveProperty('problems');
    if (!plain.ok) expect(refusalHeadline(plain.error, undefined, 'x')).toBe('Gone.');
  });
});
