// GET /api/sessions/{id}/questions — the session's questions as this viewer may see them (the asker
// of an anonymous question only for organizers and the asker); POST {"body","language","anonymous"}
// asks one. 401 signed out, 403 not registered for the forum, 409 once the session is over.
import { NextResponse } from "next/server";
import { getCookieActor } from "@/lib/auth/current";
import { readLimitedJson } from "@/lib/http/body";
import { assertSameOrigin, handle, UNCACHED_SMALL } from "@/lib/http/handler";
import { requireQaAccess } from "@/lib/qa/access";
import { getQuestionList } from "@/lib/qa/data";
import { askQuestion } from "@/lib/qa/mutations";

export const dynamic = "force-dynamic";

export const GET = handle<{ id: string }>(async (_req, { id }) => {
  const list = await getQuestionList(await requireQaAccess(await getCookieActor(), id));
  return NextResponse.json(list, { headers: UNCACHED_SMALL });
});

export const POST = handle<{ id: string }>(async (req, { id }) => {
  assertSameOrigin(req);
  const actor = await getCookieActor();
  const body = await readLimitedJson(req, 8192, "questionTooLarge");
  return NextResponse.json(await askQuestion(actor, id, body), { status: 201, headers: UNCACHED_SMALL });
});
