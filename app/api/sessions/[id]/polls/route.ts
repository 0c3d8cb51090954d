// GET /api/sessions/{id}/polls — the session's polls as this viewer may see them: launched ones
// with their own answer, results once revealed (organizers: drafts too, and results live).
// 401 signed out, 403 not registered for the forum.
import { NextResponse } from "next/server";
import { getCookieActor } from "@/lib/auth/current";
import { handle, UNCACHED_SMALL } from "@/lib/http/handler";
import { getPollList } from "@/lib/polls/data";
import { requireQaAccess } from "@/lib/qa/access";

export const dynamic = "force-dynamic";

export const GET = handle<{ id: string }>(async (_req, { id }) => {
  const list = await getPollList(await requireQaAccess(await getCookieActor(), id));
  return NextResponse.json(list, { headers: UNCACHED_SMALL });
});
