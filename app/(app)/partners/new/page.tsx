import { PageHeader } from '@/components/ui/page-header';
import { requirePagePermission } from '@/lib/auth/session';
import { PartnerForm } from '../partner-form';

export const metadata = { title: 'New partner' };

export default async function NewPartnerPage() {
  await requirePagePermission('partners.write', '/partners/new');
  return (
    <>
      <PageHeader title="New partner" />
      <PartnerForm initial={{ code: '', name: '', type: 'customer', vatId: '', email: '', phone: '', address: '' }} />
    </>
  );
}
