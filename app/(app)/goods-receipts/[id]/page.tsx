import { DocumentDetailPage } from '@/components/documents/document-detail-page';

export const metadata = { title: 'Goods receipt' };

export default function Page({ params }: { params: Promise<{ id: string }> }) {
  return <DocumentDetailPage kind="goods_receipt" params={params} />;
}
