import { Link } from '@/components/ui/link';

export default function NotFound() {
  return (
    <main className="mx-auto max-w-lg px-4 py-16 text-center">
      <p className="text-sm font-semibold text-slate-500">404</p>
      <h1 className="mt-2 text-2xl font-semibold">This page does not exist</h1>
      <Link href="/" className="mt-6 inline-block">
        Back to the dashboard
      </Link>
    </main>
  );
}
