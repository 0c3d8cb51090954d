// "Shift the rest of this forum by N minutes": the on-the-day answer to a delay.
export interface ShiftableSession {
  id: string;
  startsAt: Date;
  endsAt: Date;
  status: "scheduled" | "live" | "ended";
}

export interface ShiftPlan {
  moved: { id: string; startsAt: Date; endsAt: Date }[];
  /** The forum block's end, stretched when the shifted sessions run past it (never shrunk). */
  blockEndsAt: Date;
}

/**
 * Moves `fromId` and every later session of the forum by `minutes` (negative pulls them earlier).
 * Ended sessions stay where they happened. The block end follows a delay so the forum keeps its
 * sessions inside it; overlaps a negative shift may cause are left to the conflict rules.
 */
export function planShift(sessions: ShiftableSession[], fromId: string, minutes: number, blockEndsAt: Date): ShiftPlan | null {
  const anchor = sessions.find((s) => s.id === fromId);
  if (!anchor || !Number.isInteger(minutes) || minutes === 0) return null;
  const delta = minutes * 60_000;
  const moved = sessions
    .filter((s) => s.status !== "ended" && s.startsAt.getTime() >= anchor.startsAt.getTime())
    .map((s) => ({ id: s.id, startsAt: new Date(s.startsAt.getTime() + delta), endsAt: new Date(s.endsAt.getTime() + delta) }));
  const lastEnd = Math.max(blockEndsAt.getTime(), ...moved.map((m) => m.endsAt.getTime()));
  return { moved, blockEndsAt: new Date(lastEnd) };
}
