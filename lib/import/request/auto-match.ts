import type { AppModule } from '@/lib/modules';

/** "Sale price", "sale_price" and "SALE-PRICE" all name Sale_Price: case, spaces, dashes and underscores are ignored. */
export function normalizeHeader(text: string): string {
  return text.trim().toLowerCase().replace(/[\s_-]+/g, '');
}

/** For each field of the module, the index of the first file column whose header names it, or null. */
export function autoMatchColumns(module: AppModule, headers: readonly string[]): Record<string, number | null> {
  const byHeader = new Map<string, number>();
  headers.forEach((header, index) => {
    const key = normalizeHeader(header);
    if (!byHeader.has(key)) byHeader.set(key, index);
  });
  return Object.fromEntries(module.fields.map((field) => [field.apiName, byHeader.get(normalizeHeader(field.apiName)) ?? null]));
}
