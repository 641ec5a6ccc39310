import { Link } from '@/components/ui/link';

/**
 * Previous / next links for a server-rendered list kept in the URL (`param` is the page's search parameter), so a
 * long list of differences is read a page at a time and the screen never holds all of it.
 */
export function Pager({
  label,
  href,
  param,
  page,
  total,
  perPage,
}: {
  label: string;
  href: (params: Record<string, string>) => string;
  param: string;
  page: number;
  total: number;
  perPage: number;
}) {
  const pages = Math.max(1, Math.ceil(total / perPage));
  if (pages <= 1) return null;
  return (
    <nav aria-label={`${label} pages`} className="mt-2 flex items-center gap-3 text-sm">
      {page > 1 ? <Link href={href({ [param]: String(page - 1) })}>Previous</Link> : <span>Previous</span>}
      <span>
        Page {page} of {pages}
      </span>
      {page < pages ? <Link href={href({ [param]: String(page + 1) })}>Next</Link> : <span>Next</span>}
    </nav>
  );
}
