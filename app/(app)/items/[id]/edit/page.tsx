import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { PageHeader } from '@/components/ui/page-header';
import { requirePagePermission } from '@/lib/auth/session';
import { getItem } from '@/lib/catalog/item-queries';
import { trackingFixedBecause, trackingUses } from '@/lib/catalog/item-rules';
import { plainDecimal } from '@/lib/format';
import { parseId } from '@/lib/ids';
import { ItemForm } from '../../item-form';

export const metadata = { title: 'Edit item' };

export default async function EditItemPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requirePagePermission('items.write', `/items/${id}/edit`);
  const itemId = parseId(id);
  const db = getDb();
  const [item, uses] = itemId ? await Promise.all([getItem(db, itemId), trackingUses(db, itemId)]) : [null, null];
  if (!item || !uses) notFound();
  return (
    <>
      <PageHeader title={`Edit ${item.code}`} />
      {/* Keyed by version: after Reload (a newer version) the form starts over from the current data. */}
      <ItemForm
        key={item.version}
        id={item.id}
        version={item.version}
        trackingFixed={trackingFixedBecause(uses)}
        initial={{
          code: item.code,
          name: item.name,
          unit: item.unit,
          purchasePrice: plainDecimal(item.purchasePrice),
          salePrice: plainDecimal(item.salePrice),
          vatRate: plainDecimal(item.vatRate),
          ean: item.ean ?? '',
          description: item.description,
          active: item.active,
          trackSerials: item.trackSerials,
          minStock: plainDecimal(item.minStock),
          saleWarrantyMonths: item.saleWarrantyMonths?.toString() ?? '',
          purchaseWarrantyMonths: item.purchaseWarrantyMonths?.toString() ?? '',
        }}
      />
    </>
  );
}
