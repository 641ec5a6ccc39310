/** A sleep that a notification can cut short; a wake-up that arrives while busy is not lost. */
export class Wakeup {
  private pending = false;
  private resolve: (() => void) | null = null;

  wake() {
    this.pending = true;
    this.resolve?.();
  }

  async wait(ms: number): Promise<void> {
    if (!this.pending) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, ms);
        function done() {
          clearTimeout(timer);
          resolve();
        }
        this.resolve = done;
      });
      this.resolve = null;
    }
    this.pending = false;
  }
}
