import { Button } from '@/components/ui/button';
import { formatDateTime } from '@/lib/format';

/** "Restore draft / Discard" above a form whose unsaved draft this browser kept. */
export function DraftBanner({
  savedAt,
  summary,
  onRestore,
  onDiscard,
}: {
  savedAt: string;
  summary: string;
  onRestore: () => void;
  onDiscard: () => void;
}) {
  return (
    <section
      aria-label="Unsaved draft"
      className="flex flex-wrap items-center gap-3 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm"
    >
      <p className="min-w-0 flex-1">
        This browser kept an unsaved draft of this form from {formatDateTime(savedAt)} UTC ({summary}).
      </p>
      <div className="flex gap-2">
        <Button onClick={onRestore}>Restore draft</Button>
        <Button variant="secondary" onClick={onDiscard}>
          Discard
        </Button>
      </div>
    </section>
  );
}
