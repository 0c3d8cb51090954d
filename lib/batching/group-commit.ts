// Group commit: concurrent writes that arrive while the previous group is being written go to the
// database together, so a burst costs one statement (one commit, one fsync) per group instead of
// one per write. Each caller's promise settles only after `write` has settled its own item — never
// before its commit. Nothing is kept between groups: a process that dies loses only requests that
// were never answered, which their senders retry.

/** One item's result: its value, or the error only that item's caller sees. */
export type Settled<R> = { ok: true; value: R } | { ok: false; error: unknown };

interface Waiting<T, R> {
  item: T;
  resolve: (value: R) => void;
  reject: (error: unknown) => void;
}

/**
 * `write` takes a group in arrival order and answers one Settled per item, in the same order; it
 * must not throw for one item's sake (if it throws anyway, every item of that group fails with
 * it). One group is written at a time, at most `maxGroup` items.
 */
export function groupCommit<T, R>(write: (items: T[]) => Promise<Settled<R>[]>, maxGroup = 256): (item: T) => Promise<R> {
  let queue: Waiting<T, R>[] = [];
  let writing = false;

  async function drain() {
    // Let the requests already parsed in this turn of the event loop join the first group.
    await new Promise((resolve) => setImmediate(resolve));
    while (queue.length) {
      const group = queue.slice(0, maxGroup);
      queue = queue.slice(group.length);
      const results = await write(group.map((w) => w.item)).catch((error: unknown) => group.map((): Settled<R> => ({ ok: false, error })));
      group.forEach((w, i) => {
        const r = results[i] ?? { ok: false, error: new Error("group commit: no result for an item") };
        if (r.ok) w.resolve(r.value);
        else w.reject(r.error);
      });
    }
    writing = false;
  }

  return (item: T) =>
    new Promise<R>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      if (!writing) {
        writing = true;
        void drain();
      }
    });
}
