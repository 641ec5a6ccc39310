import { getDb } from '@/db/client';
import { Card, PageHeader } from '@/components/ui/page-header';
import { requirePagePermission, withQuery } from '@/lib/auth/session';
import type { SearchParams } from '@/lib/data-table/params';
import { listUsersPage, parseUserListParams } from '@/lib/users/queries';
import { CreateUserForm } from './create-user-form';
import { UsersTable } from './users-table';
import { ParamProblems } from '@/components/data-table/param-problems';

export const metadata = { title: 'Users' };

export default async function UsersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const raw = await searchParams;
  const admin = await requirePagePermission('users.manage', withQuery('/admin/users', raw));
  const params = parseUserListParams(raw);
  const { rows, total } = await listUsersPage(getDb(), params);
  return (
    <>
      <PageHeader title="Users" description="Who can sign in, and with which role." />
      <ParamProblems problems={params.problems} />
      <div className="space-y-6">
        <Card title="New user">
          <CreateUserForm />
        </Card>
        <UsersTable
          rows={rows}
          total={total}
          page={params.page}
          perPage={params.perPage}
          sort={params.sort}
          currentUserId={admin.userId}
        />
      </div>
    </>
  );
}
