'use client';
import { lazy, Suspense, type ComponentProps } from 'react';

const ReturnOriginSearch = lazy(() =>
  import('./return-origin-search').then((module) => ({ default: module.ReturnOriginSearch })),
);

/*
 * A new return's page is one route with two faces: the document form (`?returnOf=`) or the picker that finds the
 * document. Imported directly, the picker's client code counted in the document form's first load and pushed it over
 * its 170 KB budget (scripts/bundle/budgets.ts); next/dynamic's loader cost more than it saved. React.lazy puts the
 * search box in its own chunk, loaded only when the picker renders; the server still renders it into the HTML, so the
 * plain GET form works before it hydrates.
 */
export function ReturnOriginSearchLazy(props: ComponentProps<typeof ReturnOriginSearch>) {
  return (
    <Suspense>
      <ReturnOriginSearch {...props} />
    </Suspense>
  );
}
