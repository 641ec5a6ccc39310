import { EditDocumentPage } from '@/app/(app)/_documents/form-page';

export const metadata = { title: 'Edit sales invoice' };

export default function Page({ params }: { params: Promise<{ id: string }> }) {
  return <EditDocumentPage kind="sales_invoice" params={params} />;
}
