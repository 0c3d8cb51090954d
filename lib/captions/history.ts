// The transcript so far, for someone who joins a forum's stage late: the captions stored since the
// forum's block began (each utterance's final text, or the text so far of one still being spoken),
// the last KEEP of them, with each speaker's name as the room shows it. Anyone who may join the
// stage may read it; nobody else.
import "server-only";
import type { Actor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { requireStageJoin } from "@/lib/rooms/join";
import { KEEP } from "./lines";

export interface CaptionHistoryLine {
  segmentId: string;
  final: boolean;
  channel: string;
  speaker: string;
  speakerName: string;
  language: string;
  startsAt: string;
  endsAt: string;
  text: string;
}

export async function getCaptionHistory(actor: Actor | null, sessionId: string): Promise<CaptionHistoryLine[]> {
  const { stage } = await requireStageJoin(actor, sessionId);
  const rows = await db.captionSegment.findMany({
    where: { forumId: stage.forumId, startsAt: { gte: stage.startsAt } },
    orderBy: [{ startsAt: "desc" }, { id: "desc" }],
    take: KEEP,
    select: { segmentKey: true, final: true, channel: true, speakerIdentity: true, language: true, startsAt: true, endsAt: true, text: true },
  });
  const users = await db.user.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.speakerIdentity))] } }, select: { id: true, name: true, nameLatin: true, email: true } });
  const names = new Map(users.map((u) => [u.id, u.name || u.nameLatin || u.email.split("@")[0]]));
  return rows.reverse().map((r) => ({
    segmentId: r.segmentKey,
    final: r.final,
    channel: r.channel,
    speaker: r.speakerIdentity,
    speakerName: names.get(r.speakerIdentity) ?? "",
    language: r.language,
    startsAt: r.startsAt.toISOString(),
    endsAt: r.endsAt.toISOString(),
    text: r.text,
  }));
}
