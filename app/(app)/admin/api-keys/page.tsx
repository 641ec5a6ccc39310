import { getDb } from '@/db/client';
import { Badge } from '@/components/ui/alert';
import { Card, PageHeader } from '@/components/ui/page-header';
import { listApiKeys } from '@/lib/auth/api-keys';
import { ROLE_LABELS } from '@/lib/auth/roles';
import { requirePagePermission } from '@/lib/auth/session';
import { formatDateTime } from '@/lib/format';
import { CreateKeyForm } from './create-key-form';
import { RevokeButton } from './revoke-button';

export const metadata = { title: 'API keys' };

export default async function ApiKeysPage() {
  await requirePagePermission('apiKeys.manage', '/admin/api-keys');
  const keys = await listApiKeys(getDb());
  return (
    <>
      <PageHeader title="API keys" description="Keys for the records and bulk write APIs. Send as 'Authorization: Bearer <key>' or 'Authorization: Zoho-oauthtoken <key>'." />
      <div className="space-y-6">
        <Card title="New API key"><CreateKeyForm /></Card>
        <Card title="All keys">
          <div className="overflow-x-auto">
            <table className="w-full min-w-[48rem] text-left text-sm">
              <caption className="sr-only">API keys</caption>
              <thead className="text-xs uppercase text-slate-500"><tr>
                <th scope="col" className="py-2">Name</th><th scope="col">Role</th><th scope="col">Key</th><th scope="col">Created</th>
                <th scope="col">Last used</th><th scope="col">Callback signing secret</th><th scope="col"><span className="sr-only">Actions</span></th>
              </tr></thead>
              <tbody>
                {keys.map((k) => (
                  <tr key={k.id.toString()} className="border-t border-slate-100 align-top">
                    <td className="py-2 font-medium">{k.name}</td>
                    <td>{ROLE_LABELS[k.role]}</td>
                    <td className="font-mono">{k.keyPrefix}…</td>
                    <td>{formatDateTime(k.createdAt)}<br /><span className="text-slate-500">by {k.createdByName}</span></td>
                    <td>{k.lastUsedAt ? formatDateTime(k.lastUsedAt) : 'Never'}</td>
                    <td><code className="break-all text-xs">{k.revokedAt ? '—' : k.signingSecret}</code></td>
                    <td>{k.revokedAt ? <Badge tone="red">Revoked {formatDateTime(k.revokedAt)}</Badge> : <RevokeButton id={k.id.toString()} name={k.name} />}</td>
                  </tr>
                ))}
                {keys.length === 0 && <tr><td colSpan={7} className="py-6 text-center text-slate-500">No API keys yet.</td></tr>}
              </tbody>
            </table>
          </div>
        </Card>
      </div>
    </>
  );
}
