import { Link } from '@/components/ui/link';

export default function Forbidden() {
  return (
    <main className="mx-auto max-w-lg px-4 py-16 text-center">
      <p className="text-sm font-semibold text-red-700">403</p>
      <h1 className="mt-2 text-2xl font-semibold">You do not have access to this page</h1>
      <p className="mt-2 text-slate-600">Your role does not allow it. Ask an admin if you need access.</p>
      <Link href="/" className="mt-6 inline-block">
        Back to the dashboard
      </Link>
    </main>
  );
}
