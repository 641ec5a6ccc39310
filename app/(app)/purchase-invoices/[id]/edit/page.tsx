import { EditDocumentPage } from '@/app/(app)/_documents/form-page';

export const metadata = { title: 'Edit purchase invoice' };

export default function Page({ params }: { params: Promise<{ id: string }> }) {
  return <EditDocumentPage kind="purchase_invoice" params={params} />;
}
