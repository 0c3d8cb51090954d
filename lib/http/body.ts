// Request bodies read with a limit, after the caller has authorized the request: an oversized body
// is refused when its Content-Length says so, or as soon as the bytes read pass the limit when it
// says nothing (chunked) — the rest is never read, so memory stays flat whatever is sent.
import "server-only";
import { AppError } from "@/lib/errors";

/** The body's bytes, at most `maxBytes`; PAYLOAD_TOO_LARGE with `message` beyond that. */
export async function readLimitedBody(req: Request, maxBytes: number, message: string): Promise<Uint8Array<ArrayBuffer>> {
  const declared = req.headers.get("content-length");
  if (declared !== null && Number(declared) > maxBytes) throw new AppError("PAYLOAD_TOO_LARGE", message);
  if (!req.body) return new Uint8Array(new ArrayBuffer(0));
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new AppError("PAYLOAD_TOO_LARGE", message);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(new ArrayBuffer(total));
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  return bytes;
}

/** The body as UTF-8 text, at most `maxBytes`. */
export async function readLimitedText(req: Request, maxBytes: number, message: string): Promise<string> {
  return new TextDecoder().decode(await readLimitedBody(req, maxBytes, message));
}

/** A multipart/form-data body of at most `maxBytes`; BAD_REQUEST when it is not one or is broken. */
export async function readLimitedForm(req: Request, maxBytes: number, message: string): Promise<FormData> {
  const type = req.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data;\s*boundary=/i.test(type)) throw new AppError("BAD_REQUEST", "multipartExpected");
  const bytes = await readLimitedBody(req, maxBytes, message);
  try {
    return await new Response(bytes, { headers: { "content-type": type } }).formData();
  } catch {
    throw new AppError("BAD_REQUEST", "multipartInvalid");
  }
}

/** A JSON body of at most `maxBytes` (an empty body reads as `{}`); BAD_REQUEST when it is not JSON. */
export async function readLimitedJson(req: Request, maxBytes: number, message: string): Promise<unknown> {
  const text = await readLimitedText(req, maxBytes, message);
  if (!text.trim()) return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError("BAD_REQUEST", "invalidJson");
  }
}
