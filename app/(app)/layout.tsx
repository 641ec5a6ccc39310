import type { ReactNode } from 'react';
import { AppShell } from '@/components/layout/app-shell';
import { NAV_ITEMS } from '@/components/layout/nav-items';
import { SerialSearch } from '@/components/layout/serial-search';
import { can, ROLE_LABELS } from '@/lib/auth/roles';
import { requirePagePermission } from '@/lib/auth/session';

export default async function AppLayout({ children }: { children: ReactNode }) {
  // Pages check their own permission too; the layout only needs someone signed in.
  const user = await requirePagePermission(null);
  const nav = NAV_ITEMS.filter((item) => item.permission === null || can(user.role, item.permission));
  return (
    <AppShell nav={nav} userName={user.userName} roleLabel={ROLE_LABELS[user.role]}
      header={can(user.role, 'serials.read') ? <SerialSearch /> : undefined}>
      {children}
    </AppShell>
  );
}
