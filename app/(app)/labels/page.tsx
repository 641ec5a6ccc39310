import { Link } from '@/components/ui/link';
import { getDb } from '@/db/client';
import { Alert } from '@/components/ui/alert';
import { PageHeader } from '@/components/ui/page-header';
import { requirePagePermission, withQuery } from '@/lib/auth/session';
import type { SearchParams } from '@/lib/data-table/params';
import { parseId } from '@/lib/ids';
import { barcodeSvg, type BarcodeSize } from '@/lib/labels/barcode-svg';
import { parseSymbology, SYMBOLOGIES, type Symbology } from '@/lib/labels/symbologies';
import { labelsForDocument, labelsForSerials, MAX_LABELS, type LabelRow } from '@/lib/inventory/queries/labels';
import { PrintButton } from './print-button';
import { SymbologyPicker } from './symbology-picker';

export const metadata = { title: 'Labels' };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

/** ?ids=1,2,3 (from the agenda's check boxes) or ?document=ID (every serial a receipt brought in). */
async function loadLabels(params: SearchParams): Promise<{ title: string; labels: LabelRow[] }> {
  const documentId = parseId(first(params.document));
  if (documentId) {
    const found = await labelsForDocument(getDb(), documentId);
    return found ? { title: `Labels for ${found.number}`, labels: found.labels } : { title: 'Labels', labels: [] };
  }
  const ids = first(params.ids)
    .split(',')
    .map((id) => parseId(id.trim()))
    .filter((id): id is bigint => id !== null);
  return { title: 'Labels', labels: await labelsForSerials(getDb(), ids.slice(0, MAX_LABELS)) };
}

/** Linear codes as before (1.5 px bars, 48 px tall); matrix codes a little taller, so their modules stay readable. */
const LABEL_SIZE: Record<'linear' | 'matrix', BarcodeSize> = {
  linear: { height: 48, moduleWidth: 1.5 },
  matrix: { height: 72 },
};

/** A print-ready sheet: one label per serial with its barcode (Code 128 unless chosen), the item code and name. */
export default async function LabelsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const raw = await searchParams;
  await requirePagePermission('serials.read', withQuery('/labels', raw));
  const { title, labels } = await loadLabels(raw);
  const symbology = parseSymbology(first(raw.symbology) || undefined);
  return (
    <>
      <div className="no-print">
        <PageHeader
          title={title}
          description={`${labels.length.toLocaleString('en')} label${labels.length === 1 ? '' : 's'} ready to print.`}
          actions={
            labels.length > 0 && (
              <>
                <SymbologyPicker value={symbology} />
                <PrintButton />
              </>
            )
          }
        />
        {labels.length >= MAX_LABELS && (
          <div className="mb-4">
            <Alert tone="info">One sheet holds at most {MAX_LABELS.toLocaleString('en')} labels.</Alert>
          </div>
        )}
        {labels.length === 0 && (
          <p className="text-sm">
            No serial numbers chosen. Pick them in the <Link href="/serial-numbers">Serial Numbers agenda</Link>.
          </p>
        )}
      </div>
      <ul
        aria-label="Labels"
        className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3 print:grid-cols-3 print:gap-2"
      >
        {labels.map((label) => (
          <Label key={label.id} label={label} symbology={symbology} />
        ))}
      </ul>
    </>
  );
}

function Label({ label, symbology }: { label: LabelRow; symbology: Symbology }) {
  const { name, kind } = SYMBOLOGIES[symbology];
  let barcode: string | null = null;
  try {
    barcode = barcodeSvg(label.serial, symbology, LABEL_SIZE[kind]);
  } catch {
    barcode = null; // A serial this symbology cannot carry: the label still carries the text.
  }
  return (
    <li className="break-inside-avoid overflow-hidden rounded border border-slate-300 bg-white p-3 text-center">
      {barcode ? (
        <div
          className="flex justify-center [&>svg]:h-auto [&>svg]:max-w-full"
          dangerouslySetInnerHTML={{ __html: barcode }}
        />
      ) : (
        <p className="text-xs text-red-700">This serial cannot be printed as {name}.</p>
      )}
      <p className="mt-1 break-all font-mono text-sm font-semibold">{label.serial}</p>
      <p className="text-xs text-slate-700">
        {label.itemCode} · {label.itemName}
      </p>
    </li>
  );
}
