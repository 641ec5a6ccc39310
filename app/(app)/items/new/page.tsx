import { PageHeader } from '@/components/ui/page-header';
import { requirePagePermission } from '@/lib/auth/session';
import { ItemForm } from '../item-form';

export const metadata = { title: 'New item' };

export default async function NewItemPage() {
  await requirePagePermission('items.write', '/items/new');
  return (
    <>
      <PageHeader title="New item" />
      <ItemForm
        initial={{
          code: '',
          name: '',
          unit: 'pcs',
          purchasePrice: '0',
          salePrice: '0',
          vatRate: '21',
          ean: '',
          description: '',
          active: true,
          trackSerials: false,
          minStock: '',
          saleWarrantyMonths: '',
          purchaseWarrantyMonths: '',
        }}
      />
    </>
  );
}
