import { NewDocumentPage } from '@/components/documents/document-form-page';

export const metadata = { title: 'New purchase invoice' };

export default function Page() {
  return <NewDocumentPage kind="purchase_invoice" />;
}
