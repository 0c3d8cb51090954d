// Many changes of one thing in a burst, passed on as few: the first at once, then at most one per
// window while the burst lasts (the last of the window, so nothing is left unannounced). A thousand
// votes on one question in a second reach each open stream as about five `qa` events, not a thousand.

export class Coalescer<T> {
  private readonly windows = new Map<string, { timer: ReturnType<typeof setTimeout>; pending: T | null }>();

  constructor(
    private readonly windowMs: number,
    private readonly pass: (item: T) => void,
  ) {}

  push(key: string, item: T): void {
    const open = this.windows.get(key);
    if (open) {
      open.pending = item;
      return;
    }
    this.pass(item);
    this.open(key);
  }

  private open(key: string) {
    const timer = setTimeout(() => {
      const window = this.windows.get(key);
      this.windows.delete(key);
      if (window?.pending) {
        this.pass(window.pending);
        this.open(key);
      }
    }, this.windowMs);
    timer.unref?.();
    this.windows.set(key, { timer, pending: null });
  }

  /** Drops what waits (a closed bus announces nothing more). */
  clear(): void {
    for (const { timer } of this.windows.values()) clearTimeout(timer);
    this.windows.clear();
  }
}
