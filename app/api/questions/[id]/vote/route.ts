// POST /api/questions/{id}/vote — {"vote": true} (the default) votes, {"vote": false} takes the vote
// back; answers {"votes","voted"}. One vote per person. 401 / 403 / 404 / 409 (closed, or not open to votes).
import { NextResponse } from "next/server";
import { getCookieActor } from "@/lib/auth/current";
import { readLimitedJson } from "@/lib/http/body";
import { assertSameOrigin, handle, UNCACHED_SMALL } from "@/lib/http/handler";
import { voteQuestion } from "@/lib/qa/mutations";
import { voteSchema } from "@/lib/qa/schema";

export const dynamic = "force-dynamic";

export const POST = handle<{ id: string }>(async (req, { id }) => {
  assertSameOrigin(req);
  const actor = await getCookieActor();
  const { vote } = voteSchema.parse(await readLimitedJson(req, 1024, "voteTooLarge"));
  return NextResponse.json(await voteQuestion(actor, id, vote), { headers: UNCACHED_SMALL });
});
