// (d) Every answer was an acknowledgement or a deliberate refusal: a DomainError with a code from the
// core, an error entry with a Zoho code from the API, a SKIPPED row from the importer. A raw database
// error (40P01, 23xxx …), INTERNAL_ERROR or a 5xx is a failure, even when the data stayed consistent.
import type { Entry } from '../history';
import type { CheckResult } from './check';

export function answerCheck(entries: Entry[]): CheckResult {
  return {
    name: '(d) no raw error, INTERNAL_ERROR or 5xx answered',
    violations: entries
      .filter((e) => e.outcome.status === 'failed')
      .map((e) => ({
        detail:
          `#${e.seq} (c${e.client} ${e.door} ${e.action}${e.number ? ` ${e.number}` : ''}) failed: ${e.outcome.status === 'failed' ? `${e.outcome.code} ${e.outcome.message}` : ''}`.slice(
            0,
            400,
          ),
        // Named by the operation alone: its trace is then the operations on the same serials, concurrent ones first.
        seqs: [e.seq],
      })),
  };
}
