// Final captions kept in PostgreSQL: the worker stores each as it publishes it; a caption the
// worker sends twice (a retry after a lost answer) is stored once.
import "server-only";
import { db } from "@/lib/db";

export interface FinalCaption {
  /** The forum's stage room (forums.room_name). */
  roomName: string;
  segmentKey: string;
  channel: string;
  language: string;
  speakerIdentity: string;
  text: string;
  startsAt: Date;
  endsAt: Date;
}

/** Stores a final caption of a forum's stage; false when nothing was stored (already stored, or no forum's room). */
export async function storeCaption(c: FinalCaption): Promise<boolean> {
  const stored = await db.$executeRaw`
    INSERT INTO caption_segments (id, forum_id, segment_key, channel, language, speaker_identity, text, starts_at, ends_at)
    SELECT gen_random_uuid()::text, f.id, ${c.segmentKey}, ${c.channel}, ${c.language}, ${c.speakerIdentity}, ${c.text}, ${c.startsAt}, ${c.endsAt}
    FROM forums f WHERE f.room_name = ${c.roomName}
    ON CONFLICT (forum_id, segment_key) DO NOTHING`;
  return stored > 0;
}
