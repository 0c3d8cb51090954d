"use client";
// An organizer's on/off setting in a room panel (backstage, admission from the lobby): the box shows
// what was asked while the server decides, then what the panel reads back, and the error below it.
import { useState } from "react";
import type { ActionResult } from "@/lib/http/action-result";
import { ActionError } from "./action-error";
import type { RoomAction } from "./use-room-action";

export function PanelSwitch(props: { on: boolean; label: string; testId: string; action: RoomAction; save: (on: boolean) => Promise<ActionResult>; refresh: () => Promise<unknown> }) {
  const { on, label, testId, action, save, refresh } = props;
  const [asked, setAsked] = useState<boolean | null>(null);
  return (
    <>
      <label className="flex items-start gap-2 text-sm">
        <input
          type="checkbox"
          checked={asked ?? on}
          disabled={action.pending}
          onChange={(e) => {
            const next = e.currentTarget.checked;
            setAsked(next);
            action.run(async () => {
              const r = await save(next);
              await refresh();
              setAsked(null);
              return r;
            });
          }}
          className="mt-1"
          data-testid={testId}
        />
        <span>{label}</span>
      </label>
      <ActionError action={action} />
    </>
  );
}
