// GET /api/sessions/{id}/questions/pinned — the question being answered now, for anyone: the
// recording's layout and the audience, who have no registration (the asker unnamed when anonymous).
// {"pinned": null} when none; 404 for a session that is not published.
import { NextResponse } from "next/server";
import { handle, UNCACHED_SMALL } from "@/lib/http/handler";
import { getPinnedQuestion } from "@/lib/qa/data";

export const dynamic = "force-dynamic";

export const GET = handle<{ id: string }>(async (_req, { id }) => {
  return NextResponse.json({ pinned: await getPinnedQuestion(id) }, { headers: UNCACHED_SMALL });
});
