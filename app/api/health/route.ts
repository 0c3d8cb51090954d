// GET /api/health — 200 {"status":"ok","db":"ok"}, or 503 naming the failing part
import { NextResponse } from "next/server";
import { checkDatabase } from "@/lib/health/data";

export const dynamic = "force-dynamic";

export async function GET() {
  const dbState = await checkDatabase();
  const ok = dbState === "ok";
  return NextResponse.json(
    { status: ok ? "ok" : "error", db: dbState },
    { status: ok ? 200 : 503, headers: { "cache-control": "no-store" } },
  );
}
