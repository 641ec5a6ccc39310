import type { ReactNode } from 'react';
import { AppShell } from '@/components/layout/app-shell';
import { NAV_ITEMS } from '@/components/layout/nav-items';
import { SerialSearch } from '@/components/layout/serial-search';
import { can, ROLE_LABELS } from '@/lib/auth/roles';
import { getCurrentUser } from '@/lib/auth/session';

export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await getCurrentUser();
  // A stranger gets no shell, and the page sends them to sign in: every page calls requirePagePermission
  // first, with its own address to come back to (the layout cannot know it without a proxy running on
  // every request, which cost about a third of a small page's CPU time; docs/quality.md, Load).
  // test/authz checks every page as a stranger.
  if (!user) return children;
  const nav = NAV_ITEMS.filter((item) => item.permission === null || can(user.role, item.permission));
  return (
    <AppShell
      nav={nav}
      userName={user.userName}
      roleLabel={ROLE_LABELS[user.role]}
      header={can(user.role, 'serials.read') ? <SerialSearch /> : undefined}
    >
      {children}
    </AppShell>
  );
}
