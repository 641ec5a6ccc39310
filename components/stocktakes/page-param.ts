/** A page number from the URL: anything that is not a page from 1 to 100,000 reads as the first. */
export function pageParam(raw: string | string[] | undefined): number {
  const text = Array.isArray(raw) ? raw[0] : raw;
  const n = Number(text);
  return Number.isInteger(n) && n >= 1 && n <= 100_000 ? n : 1;
}
