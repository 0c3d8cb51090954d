// The room's keyboard shortcuts: Alt with a letter, as in other meeting rooms (Alt+A microphone,
// Alt+V camera…). Matched by the physical key (`code`), so they work in every keyboard layout and
// input method, and where Alt+letter types a character (macOS). Pure, for tests and the list the
// room shows.

export type ShortcutAction = "mic" | "camera" | "share" | "hand" | "chat" | "people" | "language" | "layout" | "fullscreen";

export interface Shortcut {
  /** KeyboardEvent.code of the letter. */
  code: string;
  /** For aria-keyshortcuts. */
  aria: string;
}

const letter = (l: string): Shortcut => ({ code: `Key${l}`, aria: `Alt+${l}` });

export const SHORTCUTS: Record<ShortcutAction, Shortcut> = {
  mic: letter("A"),
  camera: letter("V"),
  share: letter("S"),
  hand: letter("Y"),
  chat: letter("H"),
  people: letter("U"),
  language: letter("L"),
  layout: letter("G"),
  fullscreen: letter("F"),
};

export function shortcutLabel(s: Shortcut): string {
  return s.aria;
}

/** The action for a key press, or null: Alt alone with the letter (no Ctrl, Meta or Shift). */
export function matchShortcut(e: { altKey: boolean; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; code: string }): ShortcutAction | null {
  if (!e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return null;
  const found = (Object.entries(SHORTCUTS) as [ShortcutAction, Shortcut][]).find(([, s]) => s.code === e.code);
  return found ? found[0] : null;
}
