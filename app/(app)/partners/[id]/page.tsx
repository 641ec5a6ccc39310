import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { PageHeader } from '@/components/ui/page-header';
import { requirePagePermission } from '@/lib/auth/session';
import { getPartner } from '@/lib/catalog/partner-queries';
import { parseId } from '@/lib/ids';
import { DeletePartnerButton } from '../delete-partner-button';
import { PartnerForm } from '../partner-form';

export const metadata = { title: 'Edit partner' };

export default async function EditPartnerPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requirePagePermission('partners.write', `/partners/${id}`);
  const partnerId = parseId(id);
  const partner = partnerId ? await getPartner(getDb(), partnerId) : null;
  if (!partner) notFound();
  return (
    <>
      <PageHeader
        title={`Edit ${partner.code}`}
        actions={<DeletePartnerButton id={partner.id} code={partner.code} />}
      />
      {/* Keyed by version: after Reload (a newer version) the form starts over from the current data. */}
      <PartnerForm
        key={partner.version}
        id={partner.id}
        version={partner.version}
        initial={{
          code: partner.code,
          name: partner.name,
          type: partner.type,
          vatId: partner.vatId ?? '',
          email: partner.email ?? '',
          phone: partner.phone ?? '',
          address: partner.address ?? '',
        }}
      />
    </>
  );
}
