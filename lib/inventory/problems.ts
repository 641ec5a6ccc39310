import { DomainError } from '@/lib/errors';

export type SerialProblemCode =
  | 'COUNT_MISMATCH' | 'NOT_WHOLE' | 'DUPLICATE_IN_DOCUMENT' | 'ALREADY_IN_STOCK' | 'NOT_IN_STOCK'
  | 'OTHER_ITEM' | 'NOT_TRACKED' | 'ISSUED_LATER' | 'RECEIVED_AGAIN_LATER' | 'INSUFFICIENT_STOCK' | 'OUT_OF_ORDER'
  | 'INVALID_SERIAL' | 'STOCK_TOO_LARGE';

/** Refusals caused by what other documents already did (CONFLICT); the rest are wrong input (INVALID_DATA). */
const CONFLICTS = new Set<SerialProblemCode>(['INSUFFICIENT_STOCK', 'ISSUED_LATER', 'RECEIVED_AGAIN_LATER', 'OUT_OF_ORDER']);

/** One broken rule, tied to a line (0-based) and, where it is about one serial, to that serial. */
export type Problem = { code: SerialProblemCode; line: number; serial?: string; message: string };

/**
 * Thrown when a document breaks the stock or serial rules. The message is the first problem (and how
 * many more there are); `details.problems` lists every one, for the form, the API and the import result.
 */
export class InventoryRuleError extends DomainError {
  constructor(public readonly problems: Problem[]) {
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
    super(CONFLICTS.has(problems[0].code) ? 'CONFLICT' : 'INVALID_DATA',
      `${problems[0].message}${more}`, {}, {
        problems: problems.slice(0, 1000),
        serials: problems.filter((p) => p.serial !== undefined).slice(0, 1000).map((p) => p.serial),
      });
    this.name = 'InventoryRuleError';
  }
}

export function throwIfProblems(problems: Problem[]): void {
  if (problems.length > 0) throw new InventoryRuleError(problems);
}
