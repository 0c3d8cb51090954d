"use client";
// Which breakout room this page's participant left by their own choice, and when (the server's
// clock): the stage then offers the way back instead of sending them there again. Kept for the
// page, not per component: the room view remounts with every move.
let returned: { breakoutId: string; at: number } | null = null;

export function rememberReturn(breakoutId: string, at: number) {
  returned = { breakoutId, at };
}

export function forgetReturn() {
  returned = null;
}

export function lastReturn() {
  return returned;
}
