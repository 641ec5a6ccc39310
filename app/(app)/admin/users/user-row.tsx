'use client';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Alert, Badge } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Input, Select } from '@/components/ui/input';
import type { ActionResult } from '@/lib/actions/result';
import { ROLE_LABELS, ROLES, type Role } from '@/lib/auth/roles';
import type { UserRowView } from '@/lib/users/queries';
import { changeRoleAction, resetPasswordAction, setActiveAction } from './actions';
import { reach } from '@/lib/actions/reach';

const keysText = (n: number) => (n === 1 ? '1 API key' : `${n} API keys`);

/** The admin's controls for one user: role, activation and a password reset. `self`: the admin's own row. */
export function UserControls({ user, self }: { user: UserRowView; self: boolean }) {
  const router = useRouter();
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const [password, setPassword] = useState('');
  const run = async (action: Promise<ActionResult<unknown>>, success: string) => {
    const result = await reach(() => action);
    setMessage(result.ok ? { tone: 'success', text: success } : { tone: 'error', text: result.error });
    router.refresh();
  };
  const deactivate = () => run(setActiveAction({ id: user.id, active: false }), 'User deactivated.');
  return (
    <div role="group" className="space-y-2" aria-label={`User ${user.email}`}>
      <div className="flex flex-wrap items-center gap-3">
        {!user.active && <Badge tone="red">Deactivated</Badge>}
        <label htmlFor={`role-${user.id}`} className="sr-only">
          Role of {user.email}
        </label>
        <Select
          id={`role-${user.id}`}
          className="w-40"
          value={user.role}
          onChange={(e) => run(changeRoleAction({ id: user.id, role: e.target.value as Role }), 'Role changed.')}
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </Select>
        {self ? (
          <span className="text-sm text-slate-600">Your own account (another admin can deactivate it)</span>
        ) : user.active ? (
          <ConfirmDialog
            title={`Deactivate ${user.email}?`}
            confirmLabel="Deactivate user"
            onConfirm={deactivate}
            description={`${user.name} is signed out at once and can no longer sign in. ${
              user.activeKeys
                ? `${keysText(user.activeKeys)} they created stop working until they are activated again.`
                : 'They have created no API keys.'
            }`}
            trigger={<Button variant="dangerOutline">Deactivate {user.email}</Button>}
          />
        ) : (
          <Button
            variant="secondary"
            onClick={() => run(setActiveAction({ id: user.id, active: true }), 'User activated.')}
          >
            Activate {user.email}
          </Button>
        )}
      </div>
      <form
        className="flex flex-wrap items-center gap-2"
        aria-label={`Reset password of ${user.email}`}
        onSubmit={(e) => {
          e.preventDefault();
          run(
            resetPasswordAction({ id: user.id, password }),
            'Password reset; the user was signed out and may sign in again at once.',
          );
          setPassword('');
        }}
      >
        <label htmlFor={`pw-${user.id}`} className="text-sm text-slate-600">
          New password for {user.email}
        </label>
        <Input
          id={`pw-${user.id}`}
          type="password"
          autoComplete="new-password"
          className="w-56"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <Button type="submit" variant="secondary">
          Reset password
        </Button>
      </form>
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
    </div>
  );
}
