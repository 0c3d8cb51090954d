// Reads behind backstage: whether a forum's backstage is on and who an organizer brought on stage.
import "server-only";
import { db } from "@/lib/db";

export async function isBackstageOn(forumId: string): Promise<boolean> {
  const row = await db.broadcastSetting.findUnique({ where: { forumId }, select: { backstage: true } });
  return row?.backstage ?? false;
}

export interface StageCallView {
  userId: string;
  name: string;
  calledAt: string;
}

/** Who is on stage by an organizer's call, first called first. */
export async function getStageCalls(forumId: string): Promise<StageCallView[]> {
  const rows = await db.stageCall.findMany({
    where: { forumId },
    orderBy: { createdAt: "asc" },
    select: { userId: true, createdAt: true, user: { select: { name: true, nameLatin: true, email: true } } },
  });
  return rows.map((r) => ({ userId: r.userId, name: r.user.name || r.user.nameLatin || r.user.email.split("@")[0], calledAt: r.createdAt.toISOString() }));
}
