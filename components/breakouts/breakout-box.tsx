"use client";
// The run sheet's "Breakout rooms" box: make the rooms, decide who goes where, open them with a
// countdown, message them, close them with a countdown that returns everyone to the stage.
import { useTranslations } from "next-intl";
import { useCallback, useState } from "react";
import type { BreakoutBoard } from "@/lib/breakouts/data";
import { useNow } from "@/components/room/use-now";
import { breakoutBoardAction } from "@/lib/breakouts/actions";
import { runPhase } from "@/lib/rooms/breakouts";
import { AssignList } from "./assign-list";
import { RoomList } from "./room-list";
import { BreakoutError, RunControls } from "./run-controls";
import { useBreakoutAction } from "./use-breakout-action";

export function BreakoutBox({ initial }: { initial: BreakoutBoard }) {
  const t = useTranslations("breakouts");
  const [board, setBoard] = useState(initial);
  const action = useBreakoutAction();
  const reload = useCallback(() => {
    void breakoutBoardAction(initial.forumId).then((r) => r.ok && setBoard(r.data));
  }, [initial.forumId]);
  const now = useNow();
  // Rooms and assignments change only while the rooms are closed (the server says the same).
  const locked =
    runPhase({ ...board.run, opensAt: board.run.opensAt ? new Date(board.run.opensAt) : null, closesAt: board.run.closesAt ? new Date(board.run.closesAt) : null }, new Date(now)) !== "closed";
  return (
    <section aria-labelledby="breakouts-title" className="space-y-4 rounded border border-slate-300 p-3" data-testid="breakout-box">
      <h2 id="breakouts-title" className="text-sm font-semibold uppercase tracking-wide text-slate-700">
        {t("title")}
      </h2>
      <p className="text-sm text-slate-700">{t("intro")}</p>
      <RunControls forumId={board.forumId} run={board.run} action={action} onChange={reload} />
      <BreakoutError action={action} />
      <RoomList board={board} action={action} onChange={reload} locked={locked} />
      <AssignList board={board} action={action} onChange={reload} locked={locked} />
    </section>
  );
}
