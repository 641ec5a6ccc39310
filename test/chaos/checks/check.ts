/** One broken promise, with what the trace should show: the serials (item:serial), documents or operations involved. */
export type Violation = {
  detail: string;
  serials?: string[];
  docIds?: string[];
  seqs?: number[];
  itemField?: { item: number; field: string };
};

/** One invariant checked after a round; it held when `violations` is empty. */
export type CheckResult = { name: string; violations: Violation[] };
