import { DocumentDetailPage } from '@/app/(app)/_documents/detail-page';

export const metadata = { title: 'Credit note' };

export default function Page({ params }: { params: Promise<{ id: string }> }) {
  return <DocumentDetailPage kind="credit_note" params={params} />;
}
