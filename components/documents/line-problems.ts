import { DomainError } from '@/lib/errors';
import { InventoryRuleError } from '@/lib/inventory/problems';

/** Per line, at most this many messages travel back; the count of the rest is told. */
const MESSAGES_PER_LINE = 20;
/** The field-error key that carries a line's rule problems (one message per text line). */
export const lineProblemsKey = (line: number) => `lines.${line}.problems`;

/**
 * The core reports broken serial and stock rules as problems tied to lines; the action result has
 * field errors only, so each line's problems travel as one field error the form shows on that line.
 */
export function withLineProblems(error: unknown): unknown {
  if (!(error instanceof InventoryRuleError)) return error;
  const byLine = new Map<number, string[]>();
  for (const problem of error.problems) {
    const list = byLine.get(problem.line) ?? [];
    list.push(problem.message);
    byLine.set(problem.line, list);
  }
  const fieldErrors = { ...error.fieldErrors };
  for (const [line, messages] of byLine) {
    const shown = messages.slice(0, MESSAGES_PER_LINE);
    if (messages.length > shown.length) shown.push(`… and ${messages.length - shown.length} more.`);
    fieldErrors[lineProblemsKey(line)] = shown.join('\n');
  }
  return new DomainError(error.code, error.message, fieldErrors, error.details);
}
