'use client';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { Select } from '@/components/ui/input';
import { DEFAULT_SYMBOLOGY, SYMBOLOGY_OPTIONS, type Symbology } from '@/lib/labels/symbologies';

/** The barcode type lives in the URL (?symbology=), so a chosen sheet can be reloaded, shared and printed again. */
export function SymbologyPicker({ value }: { value: Symbology }) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  function choose(next: string) {
    const params = new URLSearchParams(searchParams.toString());
    if (next === DEFAULT_SYMBOLOGY) params.delete('symbology');
    else params.set('symbology', next);
    router.replace(`${pathname}?${params.toString()}`, { scroll: false });
  }
  return (
    <label className="no-print flex items-center gap-2 text-sm font-medium text-slate-700">
      Barcode type
      <Select className="w-auto" value={value} onChange={(event) => choose(event.target.value)}>
        {SYMBOLOGY_OPTIONS.map(({ value: option, name }) => (
          <option key={option} value={option}>
            {name}
          </option>
        ))}
      </Select>
    </label>
  );
}
