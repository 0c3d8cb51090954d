// Captions kept in PostgreSQL: the worker stores each utterance's latest interim text, and then its
// final one, under the worker's own id for it. A final caption is never replaced (a retry after a
// lost answer stores nothing), and an interim that arrives after its final one changes nothing.
import "server-only";
import { db, type Tx } from "@/lib/db";

export interface KeptCaption {
  /** The forum's stage room (forums.room_name). */
  roomName: string;
  segmentKey: string;
  final: boolean;
  channel: string;
  language: string;
  speakerIdentity: string;
  text: string;
  startsAt: Date;
  endsAt: Date;
}

/** A stored caption as the subtitles made from captions read it (lib/recordings/caption-subtitles.ts). */
export interface StoredCaption {
  channel: string;
  language: string;
  text: string;
  startsAt: Date;
  endsAt: Date;
}

/** The forum's captions spoken during [from, to) (to null: from `from` on), every channel, in spoken order. */
export function captionsDuring(forumId: string, from: Date, to: Date | null, client: Pick<Tx, "$queryRaw"> = db): Promise<StoredCaption[]> {
  return client.$queryRaw<StoredCaption[]>`
    SELECT channel, language, text, starts_at AS "startsAt", ends_at AS "endsAt" FROM caption_segments
    WHERE forum_id = ${forumId} AND ends_at > ${from} AND (${to}::timestamptz IS NULL OR starts_at < ${to}::timestamptz)
    ORDER BY starts_at`;
}

/** Stores a caption of a forum's stage; false when nothing changed (its final one already kept, or no forum's room). */
export async function storeCaption(c: KeptCaption): Promise<boolean> {
  const stored = await db.$executeRaw`
    INSERT INTO caption_segments (id, forum_id, segment_key, final, channel, language, speaker_identity, text, starts_at, ends_at)
    SELECT gen_random_uuid()::text, f.id, ${c.segmentKey}, ${c.final}, ${c.channel}, ${c.language}, ${c.speakerIdentity}, ${c.text}, ${c.startsAt}, ${c.endsAt}
    FROM forums f WHERE f.room_name = ${c.roomName}
    ON CONFLICT (forum_id, segment_key) DO UPDATE
      SET final = EXCLUDED.final, language = EXCLUDED.language, text = EXCLUDED.text, starts_at = EXCLUDED.starts_at, ends_at = EXCLUDED.ends_at
      WHERE NOT caption_segments.final`;
  return stored > 0;
}
