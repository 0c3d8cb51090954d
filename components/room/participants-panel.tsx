"use client";
// Who is in the room, with organisation and role; organizers also get the hand queue, the
// moderation buttons per person, who is kept out of the room, and "end the room", each reporting
// its error in words.
import { useTranslations } from "next-intl";
import { endRoomAction } from "@/lib/rooms/actions";
import { ActionError } from "./action-error";
import { BansList } from "./bans-list";
import { HandQueue } from "./hand-queue";
import { ParticipantRow } from "./participant-row";
import { useRoomInfo } from "./room-info";
import { useRoomAction } from "./use-room-action";
import { useRoomPeople } from "./use-room-people";

export function ParticipantsPanel() {
  const t = useTranslations("room.people");
  const { viewer, sessionId, forumId, breakoutId } = useRoomInfo();
  const people = useRoomPeople();
  const moderation = useRoomAction();
  const organizer = viewer.isOrganizer;
  return (
    <div className="space-y-3">
      <ActionError action={moderation} />
      {organizer && <HandQueue people={people} moderation={moderation} />}
      <ul aria-label={t("list", { count: people.length })} data-testid="participants">
        {people.map((p) => (
          <ParticipantRow key={p.identity} participant={p} moderation={organizer ? moderation : null} />
        ))}
      </ul>
      {organizer && <BansList forumId={forumId} refreshKey={moderation.pending} />}
      {/* "End the room" ends the forum's stage for everyone: not offered from inside a breakout room,
          where it would read as ending that room (the run sheet closes breakout rooms). */}
      {organizer && !breakoutId && (
        <button
          type="button"
          disabled={moderation.pending}
          onClick={() => window.confirm(t("confirmEnd")) && moderation.run(() => endRoomAction(sessionId))}
          className="rounded bg-red-800 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-50"
        >
          {t("endRoom")}
        </button>
      )}
    </div>
  );
}
