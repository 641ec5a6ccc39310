import { NewDocumentPage } from '@/components/documents/document-form-page';

export const metadata = { title: 'New sales invoice' };

export default function Page() {
  return <NewDocumentPage kind="sales_invoice" />;
}
