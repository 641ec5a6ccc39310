import { Link } from '@/components/ui/link';
import { KINDS, type DocumentKind } from '@/lib/inventory/kinds';

export type DocumentRef = { id: string; number: string; kind: DocumentKind };

/**
 * A document named in a reason or a refusal: a link to it when the user may read its kind, its number
 * alone otherwise (warehouse staff are told which invoice to change, but cannot open invoices).
 */
export function DocumentLink({ doc, readable }: { doc: DocumentRef; readable: readonly DocumentKind[] }) {
  if (!readable.includes(doc.kind)) return <span className="font-medium">{doc.number}</span>;
  return (
    <Link href={`${KINDS[doc.kind].path}/${doc.id}`} className="font-medium">
      {doc.number}
    </Link>
  );
}
