import { EditDocumentPage } from '@/app/(app)/_documents/form-page';

export const metadata = { title: 'Edit goods receipt' };

export default function Page({ params }: { params: Promise<{ id: string }> }) {
  return <EditDocumentPage kind="goods_receipt" params={params} />;
}
