"use client";
// The forum's breakout rooms on the run sheet: each with its name in the viewer's language and how
// many people are in it; rename (ko/zh/en), delete, add more.
import { useLocale, useTranslations } from "next-intl";
import { useId, useState } from "react";
import type { BreakoutBoard, BreakoutRoomView } from "@/lib/breakouts/data";
import { createBreakoutsAction, deleteBreakoutAction, renameBreakoutAction } from "@/lib/breakouts/actions";
import { pickText, type LocalizedText } from "@/lib/i18n/localized";
import { locales, type Locale } from "@/lib/i18n/routing";
import type { BreakoutAction } from "./use-breakout-action";

function RenameForm({ forumId, room, action, onDone }: { forumId: string; room: BreakoutRoomView; action: BreakoutAction; onDone: () => void }) {
  const t = useTranslations("breakouts.rooms");
  const tl = useTranslations("languages");
  const [title, setTitle] = useState<LocalizedText>(room.title);
  const id = useId();
  return (
    <form
      className="flex flex-wrap items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        action.run(() => renameBreakoutAction(forumId, room.id, title), onDone);
      }}
    >
      {locales.map((l) => (
        <label key={l} htmlFor={`${id}-${l}`} className="flex flex-col text-sm">
          {t("titleIn", { language: tl(l) })}
          <input id={`${id}-${l}`} lang={l} value={title[l]} maxLength={80} onChange={(e) => setTitle({ ...title, [l]: e.target.value })} className="rounded border border-slate-400 px-2 py-1" />
        </label>
      ))}
      <button type="submit" disabled={action.pending} className="rounded bg-sky-800 px-3 py-1 font-medium text-white disabled:opacity-50">
        {t("save")}
      </button>
      <button type="button" onClick={onDone} className="rounded border border-slate-400 px-3 py-1">
        {t("cancel")}
      </button>
    </form>
  );
}

export function RoomList({ board, action, onChange, locked }: { board: BreakoutBoard; action: BreakoutAction; onChange: () => void; locked: boolean }) {
  const t = useTranslations("breakouts.rooms");
  const locale = useLocale() as Locale;
  const [editing, setEditing] = useState<string | null>(null);
  const [count, setCount] = useState(3);
  const countId = useId();
  const sizes = new Map<string, number>();
  for (const p of board.people) if (p.breakoutId) sizes.set(p.breakoutId, (sizes.get(p.breakoutId) ?? 0) + 1);
  return (
    <section aria-labelledby={`${countId}-h`} className="space-y-2">
      <h3 id={`${countId}-h`} className="font-semibold">
        {t("heading")}
      </h3>
      {board.rooms.length === 0 && <p>{t("none")}</p>}
      <ul className="space-y-2" data-testid="breakout-rooms">
        {board.rooms.map((room) => (
          <li key={room.id} className="rounded border border-slate-200 p-2" data-testid="breakout-room" data-breakout={room.id}>
            {editing === room.id ? (
              <RenameForm forumId={board.forumId} room={room} action={action} onDone={() => (setEditing(null), onChange())} />
            ) : (
              <div className="flex flex-wrap items-center gap-2">
                <span className="font-medium">{pickText(room.title, locale)}</span>
                <span className="text-sm text-slate-700">{t("people", { count: sizes.get(room.id) ?? 0 })}</span>
                <button type="button" onClick={() => setEditing(room.id)} className="ml-auto rounded border border-slate-400 px-2 py-0.5 text-sm">
                  {t("rename")}
                </button>
                <button
                  type="button"
                  disabled={locked || action.pending}
                  aria-label={t("deleteLabel", { room: pickText(room.title, locale) })}
                  onClick={() => action.run(() => deleteBreakoutAction(board.forumId, room.id), onChange)}
                  className="rounded border border-red-700 px-2 py-0.5 text-sm text-red-800 disabled:opacity-50"
                >
                  {t("delete")}
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
      <div className="flex items-end gap-2">
        <label htmlFor={countId} className="flex flex-col text-sm">
          {t("count")}
          <select id={countId} value={count} onChange={(e) => setCount(Number(e.target.value))} className="rounded border border-slate-400 px-2 py-1" data-testid="breakout-add-count">
            {Array.from({ length: 10 }, (_, i) => i + 1).map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          disabled={action.pending}
          onClick={() => action.run(() => createBreakoutsAction(board.forumId, count), onChange)}
          className="rounded border border-sky-800 px-3 py-1.5 font-medium text-sky-900 disabled:opacity-50"
          data-testid="breakout-add"
        >
          {t("add")}
        </button>
      </div>
    </section>
  );
}
