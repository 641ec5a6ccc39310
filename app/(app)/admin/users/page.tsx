import { getDb } from '@/db/client';
import { Card, PageHeader } from '@/components/ui/page-header';
import { requirePagePermission } from '@/lib/auth/session';
import { listUsers } from '@/lib/users/users';
import { CreateUserForm } from './create-user-form';
import { UserRow } from './user-row';

export const metadata = { title: 'Users' };

export default async function UsersPage() {
  await requirePagePermission('users.manage', '/admin/users');
  const users = await listUsers(getDb());
  return (
    <>
      <PageHeader title="Users" description="Who can sign in, and with which role." />
      <div className="space-y-6">
        <Card title="New user"><CreateUserForm /></Card>
        <Card title="All users"><ul aria-label="Users">{users.map((u) => <UserRow key={u.id} user={u} />)}</ul></Card>
      </div>
    </>
  );
}
