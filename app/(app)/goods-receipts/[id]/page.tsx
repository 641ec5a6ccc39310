import { DocumentDetailPage } from '@/app/(app)/_documents/detail-page';

export const metadata = { title: 'Goods receipt' };

export default function Page({ params }: { params: Promise<{ id: string }> }) {
  return <DocumentDetailPage kind="goods_receipt" params={params} />;
}
