// Reading the first bytes of an upload for sniffing, without losing them for the store.

/** The first `n` bytes (fewer if the stream ends first), and the whole stream again. */
export async function readHead(body: AsyncIterable<Uint8Array>, n: number): Promise<{ head: Uint8Array; complete: boolean; all: AsyncIterable<Uint8Array> }> {
  const iterator = body[Symbol.asyncIterator]();
  const taken: Uint8Array[] = [];
  let length = 0;
  let complete = false;
  while (length < n) {
    const next = await iterator.next();
    if (next.done) {
      complete = true;
      break;
    }
    taken.push(next.value);
    length += next.value.length;
  }
  const head = Buffer.concat(taken).subarray(0, n);
  async function* all() {
    yield* taken;
    if (complete) return;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  return { head, complete, all: all() };
}
