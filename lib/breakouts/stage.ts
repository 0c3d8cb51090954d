// What a stage join learns about breakout rooms: while they are open (or counting down), the
// breakout attribute for someone assigned (or, when people choose, "choose"), so a person who
// joins the stage late moves to their room as those already there did.
import "server-only";
import { getBreakoutJoinState } from "./data";
import { BREAKOUT_ATTRIBUTE, runPhase, toBreakoutAttribute } from "./rules";

export async function stageBreakoutAttributes(forumId: string, userId: string, now: Date): Promise<Record<string, string>> {
  const { run, assigned } = await getBreakoutJoinState(forumId, userId);
  const phase = runPhase(run, now);
  if (!run || (phase !== "open" && phase !== "opening")) return {};
  const target = assigned ?? (run.mode === "choose" ? "choose" : null);
  return target ? { [BREAKOUT_ATTRIBUTE]: toBreakoutAttribute(target, run.opensAt) } : {};
}
