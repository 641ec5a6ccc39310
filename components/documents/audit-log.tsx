import { Card } from '@/components/ui/page-header';
import { formatDateTime, formatQuantity } from '@/lib/format';
import type { AuditEntry } from '@/lib/inventory/queries/document-detail';

type LineSummary = { item?: string; quantity?: string; serials?: number };
type Changes = { after?: { lines?: LineSummary[]; note?: string; date?: string }; before?: LineSummary[] };

const ACTION_LABEL = { create: 'Created', update: 'Changed', delete: 'Deleted' } as const;

function describeLines(lines: LineSummary[] | undefined): string {
  if (!lines || lines.length === 0) return 'no lines';
  return lines
    .map((l) => {
      const serials = l.serials ? ` (${l.serials} serial number${l.serials === 1 ? '' : 's'})` : '';
      return `${l.item ?? '?'} × ${formatQuantity(l.quantity ?? '0')}${serials}`;
    })
    .join('; ');
}

/** What changed, in words, from the before/after snapshot the core keeps in audit_log.changes. */
export function describeChange(entry: Pick<AuditEntry, 'action' | 'changes'>): string {
  let changes: Changes;
  try {
    changes = JSON.parse(entry.changes) as Changes;
  } catch {
    return '';
  }
  if (entry.action === 'create') return `Lines: ${describeLines(changes.after?.lines)}.`;
  if (entry.action === 'update')
    return `Lines before: ${describeLines(changes.before)}. After: ${describeLines(changes.after?.lines)}.`;
  return `Lines: ${describeLines(changes.before)}.`;
}

/** Who did what to the document and when, from the audit log. */
export function AuditLog({ entries }: { entries: AuditEntry[] }) {
  return (
    <Card title="History of this document">
      {entries.length === 0 ? (
        <p className="text-sm text-slate-500">No changes recorded.</p>
      ) : (
        <div className="relative overflow-x-auto">
          <table className="w-full min-w-[32rem] text-left text-sm">
            <caption className="sr-only">History of this document</caption>
            <thead className="text-xs uppercase text-slate-600">
              <tr>
                <th scope="col" className="py-1 pr-3">
                  When
                </th>
                <th scope="col" className="py-1 pr-3">
                  Who
                </th>
                <th scope="col" className="py-1 pr-3">
                  What
                </th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id} className="border-t border-slate-100 align-top">
                  <td className="whitespace-nowrap py-2 pr-3">{formatDateTime(entry.at)}</td>
                  <td className="py-2 pr-3">{entry.userName ?? 'unknown'}</td>
                  <td className="py-2 pr-3">
                    <span className="font-medium">{ACTION_LABEL[entry.action]}.</span> {describeChange(entry)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
