// Wraps route handlers: AppError → its status with a JSON body; anything else → a 500 that
// reveals nothing (the details go to the server log).
import "server-only";
import { NextResponse } from "next/server";
import { CONTROL_CHARACTERS, z } from "@/lib/zod";
import { AppError, httpStatus } from "@/lib/errors";

export function errorResponse(err: unknown): NextResponse {
  if (err instanceof AppError) {
    return NextResponse.json({ error: { code: err.code, message: err.message } }, { status: httpStatus(err.code) });
  }
  if (err instanceof z.ZodError) {
    return NextResponse.json({ error: { code: "BAD_REQUEST", message: err.issues.map((i) => `${i.path.join(".") || "input"}: ${i.message}`).join("; ") } }, { status: 400 });
  }
  console.error(err);
  return NextResponse.json({ error: { code: "INTERNAL", message: "Internal error" } }, { status: 500 });
}

/** For small, personal or one-off answers (tokens, webhook receipts): never cached, and never
 * gzipped by Next, whose per-response gzip stream cost more CPU than such an answer's whole
 * handling (the `compression` middleware skips a response marked no-transform). */
export const UNCACHED_SMALL = { "cache-control": "no-store, no-transform" } as const;

type Ctx<P> = { params: Promise<P> };

/** A path parameter with a control character (`/api/materials/a%00b`) names nothing we store:
 * PostgreSQL cannot even hold a NUL, so it is answered 404 before any read. */
function hasControlCharacter(params: unknown): boolean {
  return !!params && Object.values(params).some((v) => (Array.isArray(v) ? v : [v]).some((x) => typeof x === "string" && CONTROL_CHARACTERS.test(x)));
}

export function handle<P>(fn: (req: Request, params: P) => Promise<Response>) {
  return async (req: Request, ctx: Ctx<P>): Promise<Response> => {
    try {
      const params = await ctx.params;
      if (hasControlCharacter(params)) throw new AppError("NOT_FOUND", "notFound");
      return await fn(req, params);
    } catch (err) {
      return errorResponse(err);
    }
  };
}

/**
 * A calendar as a download. Its links are built from the configured PUBLIC_BASE_URL, never from
 * the request's headers, so a public calendar is the same for everyone and may be cached by shared
 * caches; a personal one (behind its secret address) is `private`: only the subscriber's own
 * client may keep it.
 */
export function calendarResponse(body: string, filename: string, scope: "public" | "personal"): Response {
  return new Response(body, {
    headers: {
      "content-type": "text/calendar; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": scope === "public" ? "public, max-age=60" : "private, no-cache",
    },
  });
}

/** CSRF defence for cookie-authenticated POSTs that are not server actions: same origin only. An
 * opaque origin (`Origin: null`, sandboxed frames and some redirects) is never ours. */
export function assertSameOrigin(req: Request) {
  const origin = req.headers.get("origin");
  let host: string | null = null;
  try {
    host = origin ? new URL(origin).host : null;
  } catch {
    host = null;
  }
  if (!host || host !== (req.headers.get("x-forwarded-host") ?? req.headers.get("host"))) {
    throw new AppError("FORBIDDEN", "crossSiteRefused");
  }
}

/** The uploaded file's name from `X-File-Name` (URI-encoded, as the uploaders send it); control
 * characters (a NUL cannot be stored) are refused. */
export function fileNameHeader(req: Request): string {
  let name: string;
  try {
    name = decodeURIComponent(req.headers.get("x-file-name") ?? "");
  } catch {
    throw new AppError("BAD_REQUEST", "fileNameMissing");
  }
  if (CONTROL_CHARACTERS.test(name)) throw new AppError("BAD_REQUEST", "fileNameInvalid");
  return name;
}
