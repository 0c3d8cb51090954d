// GET /api/health — 200 {"status":"ok","db":"ok","livekit":"ok|unreachable","egress":"ok|unreachable"}, or 503 naming the database
import { NextResponse } from "next/server";
import { checkDatabase, checkServices } from "@/lib/health/data";

export const dynamic = "force-dynamic";

// The app serves (agenda, registration, recordings) without the video server or the recording
// service: only the database makes it unhealthy; the others are reported for the console and
// for monitoring.
export async function GET() {
  const [dbState, services] = await Promise.all([checkDatabase(), checkServices()]);
  const ok = dbState === "ok";
  return NextResponse.json({ status: ok ? "ok" : "error", db: dbState, ...services }, { status: ok ? 200 : 503, headers: { "cache-control": "no-store" } });
}
