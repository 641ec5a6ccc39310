/**
 * The codes, EANs and record ids a chunk of catalog rows read or wrote. A chunk planned ahead (while
 * the chunk before it was still being written, see catalog-job-writer.ts) is still valid when nothing it
 * read was written by that chunk; these sets are how the two are compared.
 */
export class ChunkKeys {
  readonly codes = new Set<string>();
  readonly eans = new Set<string>();
  readonly ids = new Set<bigint>();

  addCode(code: unknown) {
    if (typeof code === 'string' && code.trim()) this.codes.add(code.trim());
  }

  addEan(ean: unknown) {
    if (typeof ean === 'string' && ean.trim()) this.eans.add(ean.trim());
  }

  addId(id: bigint | null | undefined) {
    if (id !== null && id !== undefined) this.ids.add(id);
  }

  sharesAnyWith(other: ChunkKeys): boolean {
    const meets = <K>(mine: Set<K>, theirs: Set<K>) => {
      const [small, large] = mine.size <= theirs.size ? [mine, theirs] : [theirs, mine];
      for (const key of small) if (large.has(key)) return true;
      return false;
    };
    return meets(this.codes, other.codes) || meets(this.eans, other.eans) || meets(this.ids, other.ids);
  }
}
