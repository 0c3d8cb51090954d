// POST /api/polls/{id}/vote — {"choices": ["o1", …]}: the person's answer, replacing an earlier
// one; answers {"choices"}. 401 / 403 / 404, 400 for choices the poll does not offer, 409 closed.
import { NextResponse } from "next/server";
import { getCookieActor } from "@/lib/auth/current";
import { readLimitedJson } from "@/lib/http/body";
import { assertSameOrigin, handle, UNCACHED_SMALL } from "@/lib/http/handler";
import { votePoll } from "@/lib/polls/mutations";

export const dynamic = "force-dynamic";

export const POST = handle<{ id: string }>(async (req, { id }) => {
  assertSameOrigin(req);
  const actor = await getCookieActor();
  return NextResponse.json(await votePoll(actor, id, await readLimitedJson(req, 2048, "voteTooLarge")), { headers: UNCACHED_SMALL });
});
