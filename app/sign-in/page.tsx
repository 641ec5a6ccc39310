import { redirect } from 'next/navigation';
import { getCurrentUser } from '@/lib/auth/session';
import { SignInForm } from './sign-in-form';
import { safeReturnPath } from '@/lib/auth/return-path';

export const metadata = { title: 'Sign in' };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const { next } = await searchParams;
  // Only same-site paths: an open redirect after sign-in would be a phishing aid.
  const target = safeReturnPath(next);
  if (await getCurrentUser()) redirect(target);
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <h1 className="mb-1 text-2xl font-semibold">SerialStock</h1>
        <p className="mb-6 text-sm text-slate-600">Sign in to manage stock and serial numbers.</p>
        <SignInForm next={target} />
      </div>
    </main>
  );
}
