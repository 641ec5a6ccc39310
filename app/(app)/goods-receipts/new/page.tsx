import { NewDocumentPage } from '@/components/documents/document-form-page';

export const metadata = { title: 'New goods receipt' };

export default function Page() {
  return <NewDocumentPage kind="goods_receipt" />;
}
