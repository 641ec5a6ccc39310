'use client';
import { Link } from '@/components/ui/link';
import { usePathname } from 'next/navigation';
import { useState, type ReactNode } from 'react';
import { cn } from '@/components/ui/cn';
import type { NavItem } from './nav-items';
import { SignOutButton } from './sign-out-button';

export function AppShell({
  nav,
  userName,
  roleLabel,
  header,
  children,
}: {
  nav: NavItem[];
  userName: string;
  roleLabel: string;
  header?: ReactNode;
  children: ReactNode;
}) {
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  // The longest entry containing the address is the current one: /serial-numbers/lookup is not the agenda.
  const matches = (href: string) =>
    href === '/' ? pathname === '/' : pathname === href || pathname.startsWith(`${href}/`);
  const current = nav.filter((item) => matches(item.href)).sort((a, b) => b.href.length - a.href.length)[0]?.href;
  const isActive = (href: string) => href === current;
  return (
    <div className="min-h-screen lg:flex">
      <header className="no-print flex items-center justify-between border-b border-slate-200 bg-white px-4 py-3 lg:hidden">
        <Link href="/" className="font-semibold text-slate-900">
          SerialStock
        </Link>
        <button
          type="button"
          className="rounded-md border border-slate-300 px-3 py-2 text-sm"
          aria-expanded={open}
          aria-controls="main-navigation"
          onClick={() => setOpen(!open)}
        >
          Menu
        </button>
      </header>
      <aside
        className={cn(
          'no-print border-r border-slate-200 bg-white lg:block lg:w-60 lg:shrink-0',
          open ? 'block' : 'hidden',
        )}
      >
        <div className="hidden px-5 py-4 text-lg font-semibold lg:block">SerialStock</div>
        <nav id="main-navigation" aria-label="Main">
          <ul className="space-y-0.5 px-2 pb-4">
            {nav.map((item) => (
              <li key={item.href}>
                <Link
                  href={item.href}
                  onClick={() => setOpen(false)}
                  aria-current={isActive(item.href) ? 'page' : undefined}
                  className={cn(
                    'block rounded-md px-3 py-2 text-sm text-slate-700 hover:bg-slate-100 hover:no-underline',
                    isActive(item.href) && 'bg-blue-50 font-semibold text-blue-800',
                  )}
                >
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="border-t border-slate-200 px-4 py-3 text-sm">
          <p className="font-medium" data-testid="current-user">
            {userName}
          </p>
          <p className="text-slate-500">{roleLabel}</p>
          <SignOutButton />
        </div>
      </aside>
      <div className="min-w-0 flex-1">
        {header && <div className="no-print border-b border-slate-200 bg-white px-4 py-2 sm:px-6">{header}</div>}
        <main className="mx-auto max-w-7xl px-4 py-6 sm:px-6">{children}</main>
      </div>
    </div>
  );
}
