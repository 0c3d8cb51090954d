// GET /api/me/account — who is signed in, for the header's account menu ({"user": null} when no one)
import { NextResponse } from "next/server";
import { getAccountSummary } from "@/lib/account/account";
import { handle } from "@/lib/http/handler";

export const dynamic = "force-dynamic";

export const GET = handle(async () => {
  // Personal: never kept by a browser's or a proxy's cache.
  return NextResponse.json(await getAccountSummary(), { headers: { "cache-control": "private, no-store" } });
});
