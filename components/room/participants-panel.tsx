"use client";
// Who is in the room, with organisation and role; organizers also get the hand queue, the
// moderation buttons per person and "end the room", each reporting its error in words.
import { useTranslations } from "next-intl";
import { endRoomAction } from "@/lib/rooms/actions";
import { HandQueue } from "./hand-queue";
import { ParticipantRow } from "./participant-row";
import { useRoomInfo } from "./room-info";
import { useModeration } from "./use-moderation";
import { useRoomPeople } from "./use-room-people";

export function ParticipantsPanel() {
  const t = useTranslations("room.people");
  const { viewer, sessionId } = useRoomInfo();
  const people = useRoomPeople();
  const moderation = useModeration();
  const organizer = viewer.isOrganizer;
  return (
    <div className="space-y-3">
      {moderation.error && (
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-2 text-sm text-red-900" data-testid="moderation-error">
          {moderation.error}
        </p>
      )}
      {organizer && <HandQueue people={people} moderation={moderation} />}
      <ul aria-label={t("list", { count: people.length })} data-testid="participants">
        {people.map((p) => (
          <ParticipantRow key={p.identity} participant={p} moderation={organizer ? moderation : null} />
        ))}
      </ul>
      {organizer && (
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
