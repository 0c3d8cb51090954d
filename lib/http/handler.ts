// Wraps route handlers: AppError → its status with a JSON body; anything else → a 500 that
// reveals nothing (the details go to the server log).
import "server-only";
import { NextResponse } from "next/server";
import { z } from "@/lib/zod";
import { AppError, httpStatus } from "@/lib/errors";

export function errorResponse(err: unknown): NextResponse {
  if (err instanceof AppError) {
    return NextResponse.json({ error: { code: err.code, message: err.message } }, { status: httpStatus(err.code) });
  }
  if (err instanceof z.ZodError) {
    return NextResponse.json(
      { error: { code: "BAD_REQUEST", message: err.issues.map((i) => `${i.path.join(".") || "input"}: ${i.message}`).join("; ") } },
      { status: 400 },
    );
  }
  console.error(err);
  return NextResponse.json({ error: { code: "INTERNAL", message: "Internal error" } }, { status: 500 });
}

/** For small, personal or one-off answers (tokens, webhook receipts): never cached, and never
 * gzipped by Next, whose per-response gzip stream cost more CPU than such an answer's whole
 * handling (the `compression` middleware skips a response marked no-transform). */
export const UNCACHED_SMALL = { "cache-control": "no-store, no-transform" } as const;

type Ctx<P> = { params: Promise<P> };

export function handle<P>(fn: (req: Request, params: P) => Promise<Response>) {
  return async (req: Request, ctx: Ctx<P>): Promise<Response> => {
    try {
      return await fn(req, await ctx.params);
    } catch (err) {
      return errorResponse(err);
    }
  };
}

/** The origin the client used, for absolute links in feeds. */
export function originOf(req: Request): string {
  const url = new URL(req.url);
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host") ?? url.host;
  const proto = req.headers.get("x-forwarded-proto") ?? url.protocol.replace(":", "");
  return `${proto}://${host}`;
}

export function calendarResponse(body: string, filename: string): Response {
  return new Response(body, {
    headers: {
      "content-type": "text/calendar; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "public, max-age=60",
    },
  });
}

/** CSRF defence for cookie-authenticated POSTs that are not server actions: same origin only. */
export function assertSameOrigin(req: Request) {
  const origin = req.headers.get("origin");
  if (!origin || new URL(origin).host !== (req.headers.get("x-forwarded-host") ?? req.headers.get("host"))) {
    throw new AppError("FORBIDDEN", "Cross-site request refused");
  }
}

/** The uploaded file's name from `X-File-Name` (URI-encoded, as the uploaders send it). */
export function fileNameHeader(req: Request): string {
  try {
    return decodeURIComponent(req.headers.get("x-file-name") ?? "");
  } catch {
    throw new AppError("BAD_REQUEST", "fileNameMissing");
  }
}
