/**
 * A counting semaphore: at most `size` holders at once, the others wait in arrival order.
 * Reading an .xlsx takes about 9 bytes of memory per XML byte (read-excel-file builds an object per
 * cell), so a 24 MB sheet costs ~200 MB while it is read; one process reading two or three such sheets at
 * once (uploads and the import worker share it) went past 500 MB in the fuzz. One at a time keeps the
 * peak to one sheet's cost; a second upload waits seconds, not minutes.
 */
export class Slots {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly size: number) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.active >= this.size) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.active++;
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      if (next) next(); // the slot passes straight to the next waiter
      else this.active--;
    }
  }

  get busy(): number {
    return this.active;
  }

  get queued(): number {
    return this.waiting.length;
  }
}

/** .xlsx reads one at a time per process (XLSX_PARSE_CONCURRENCY to change it). */
export const xlsxParseSlots = new Slots(Math.max(1, Number(process.env.XLSX_PARSE_CONCURRENCY ?? 1) || 1));
