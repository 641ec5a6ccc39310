import { getDb } from '@/db/client';
import { Card, PageHeader } from '@/components/ui/page-header';
import { requirePagePermission, withQuery } from '@/lib/auth/session';
import type { SearchParams } from '@/lib/data-table/params';
import { listApiKeysPage, parseApiKeyListParams } from '@/lib/users/queries';
import { ApiKeysTable } from './api-keys-table';
import { CreateKeyForm } from './create-key-form';
import { ParamProblems } from '@/components/data-table/param-problems';

export const metadata = { title: 'API keys' };

export default async function ApiKeysPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const raw = await searchParams;
  await requirePagePermission('apiKeys.manage', withQuery('/admin/api-keys', raw));
  const params = parseApiKeyListParams(raw);
  const { rows, total } = await listApiKeysPage(getDb(), params);
  return (
    <>
      <PageHeader
        title="API keys"
        description="Keys for the records and bulk write APIs. Send as 'Authorization: Bearer <key>' or 'Authorization: Zoho-oauthtoken <key>'."
      />
      <ParamProblems problems={params.problems} />
      <div className="space-y-6">
        <Card title="New API key">
          <CreateKeyForm />
        </Card>
        <ApiKeysTable rows={rows} total={total} page={params.page} perPage={params.perPage} sort={params.sort} />
      </div>
    </>
  );
}
