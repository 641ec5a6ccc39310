import { DomainError, type DomainErrorCode } from '@/lib/errors';
import type { DocumentKind } from './kinds';

export type SerialProblemCode =
  | 'COUNT_MISMATCH'
  | 'NOT_WHOLE'
  | 'DUPLICATE_IN_DOCUMENT'
  | 'ALREADY_IN_STOCK'
  | 'NOT_IN_STOCK'
  | 'OTHER_ITEM'
  | 'NOT_TRACKED'
  | 'ISSUED_LATER'
  | 'RECEIVED_AGAIN_LATER'
  | 'MOVED_LATER'
  | 'INSUFFICIENT_STOCK'
  | 'OUT_OF_ORDER'
  | 'STOCK_TOO_LARGE'
  | 'IN_TRANSIT'
  | 'NOT_IN_TRANSIT'
  | 'TRANSIT_EXCEEDED'
  | 'ALREADY_EXPECTED'
  | 'NOT_RETURNABLE'
  | 'RETURN_EXCEEDED';

/**
 * What kind of refusal each rule is, and which input of the line it is about: the one table every door
 * translates (lib/modules/zoho.ts names the field and the Zoho code; the form marks the field). A serial
 * that is taken is a duplicate; what other documents already did is a conflict; the rest is wrong input.
 */
export const PROBLEM_RULES: Record<SerialProblemCode, { error: DomainErrorCode; key: 'quantity' | 'serials' }> = {
  COUNT_MISMATCH: { error: 'INVALID_DATA', key: 'serials' },
  NOT_WHOLE: { error: 'INVALID_DATA', key: 'quantity' },
  DUPLICATE_IN_DOCUMENT: { error: 'DUPLICATE_DATA', key: 'serials' },
  ALREADY_IN_STOCK: { error: 'DUPLICATE_DATA', key: 'serials' },
  NOT_IN_STOCK: { error: 'INVALID_DATA', key: 'serials' },
  OTHER_ITEM: { error: 'INVALID_DATA', key: 'serials' },
  NOT_TRACKED: { error: 'INVALID_DATA', key: 'serials' },
  ISSUED_LATER: { error: 'CONFLICT', key: 'serials' },
  RECEIVED_AGAIN_LATER: { error: 'CONFLICT', key: 'serials' },
  MOVED_LATER: { error: 'CONFLICT', key: 'serials' },
  OUT_OF_ORDER: { error: 'CONFLICT', key: 'serials' },
  INSUFFICIENT_STOCK: { error: 'CONFLICT', key: 'quantity' },
  STOCK_TOO_LARGE: { error: 'INVALID_DATA', key: 'quantity' },
  // A serial on its way between warehouses cannot be received or issued until it arrives.
  IN_TRANSIT: { error: 'CONFLICT', key: 'serials' },
  // An arrival takes only what its transfer sent and has not arrived yet.
  NOT_IN_TRANSIT: { error: 'INVALID_DATA', key: 'serials' },
  TRANSIT_EXCEEDED: { error: 'CONFLICT', key: 'quantity' },
  // A serial waits on one expected receipt at a time: its expectation reserves it.
  ALREADY_EXPECTED: { error: 'DUPLICATE_DATA', key: 'serials' },
  // A return takes back only what left with (or came with) the document it names, and only once.
  NOT_RETURNABLE: { error: 'INVALID_DATA', key: 'serials' },
  RETURN_EXCEEDED: { error: 'CONFLICT', key: 'quantity' },
};

/**
 * One broken rule, tied to a line (0-based) and, where it is about one serial, to that serial; when a
 * later document pins what the rule protects, `blockedBy` names the document to change first (the
 * invoice, for a goods document an invoice owns), so every door can link it.
 */
export type Problem = {
  code: SerialProblemCode;
  line: number;
  serial?: string;
  message: string;
  blockedBy?: { id: string; number: string; kind: DocumentKind };
};

/**
 * Thrown when a document breaks the stock or serial rules. The message is the first problem (and how
 * many more there are); `details.problems` lists every one, for the form, the API and the import result.
 */
export class InventoryRuleError extends DomainError {
  constructor(public readonly problems: Problem[]) {
    const more =
      problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
    super(
      PROBLEM_RULES[problems[0].code].error,
      `${problems[0].message}${more}`,
      {},
      {
        problems: problems.slice(0, 1000),
        serials: problems
          .filter((p) => p.serial !== undefined)
          .slice(0, 1000)
          .map((p) => p.serial),
      },
    );
    this.name = 'InventoryRuleError';
  }
}

export function throwIfProblems(problems: Problem[]): void {
  if (problems.length > 0) throw new InventoryRuleError(problems);
}
