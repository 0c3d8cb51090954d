// Who is kept out of a forum's room: an organizer's "remove" bans the person from that forum
// until an organizer lets them back. The token route refuses them (403 `removed`), and a join
// with a token issued before the ban is undone by the participant_joined webhook.
import "server-only";
import { db } from "@/lib/db";

export interface RoomBanView {
  userId: string;
  name: string;
  nameLatin: string | null;
  bannedAt: string;
  bannedBy: string | null;
}

/** Records the ban (once: a second removal keeps the first one's time and author). */
export async function banFromForum(forumId: string, userId: string, bannedById: string | null) {
  await db.roomBan.createMany({ data: [{ forumId, userId, bannedById }], skipDuplicates: true });
}

/** Lifts the ban; false when there was none. */
export async function liftForumBan(forumId: string, userId: string): Promise<boolean> {
  return (await db.roomBan.deleteMany({ where: { forumId, userId } })).count > 0;
}

export async function getForumBans(forumId: string): Promise<RoomBanView[]> {
  const rows = await db.roomBan.findMany({
    where: { forumId },
    orderBy: { createdAt: "desc" },
    select: { userId: true, createdAt: true, user: { select: { name: true, nameLatin: true, email: true } }, bannedBy: { select: { name: true, nameLatin: true } } },
  });
  return rows.map((r) => ({
    userId: r.userId,
    name: r.user.name || r.user.nameLatin || r.user.email.split("@")[0],
    nameLatin: r.user.nameLatin,
    bannedAt: r.createdAt.toISOString(),
    bannedBy: r.bannedBy ? r.bannedBy.name || r.bannedBy.nameLatin : null,
  }));
}
