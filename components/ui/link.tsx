import NextLink from 'next/link';
import type { ComponentProps } from 'react';

/**
 * next/link without prefetching. Every page here is dynamic (it reads the session) and none has a loading.tsx, so a
 * prefetch brings only the route tree and metadata, yet costs the server ~6–9 ms of CPU each
 * (scripts/perf/page-cost.ts with PAGE_COST_HEADERS). With Next's default, a page view prefetched every link on
 * screen: /items sent 48 requests besides its own (the menu and the rows, two each), a document 20. Now a click
 * sends one request, the page's (scripts/perf/nav-traffic.ts; e2e/navigation-requests.spec.ts).
 */
export function Link(props: ComponentProps<typeof NextLink>) {
  return <NextLink prefetch={false} {...props} />;
}
