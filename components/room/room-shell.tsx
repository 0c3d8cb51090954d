// The live room's frame: the whole window, over the site's page (globals.css takes the site's
// header and footer out while it is there), dark like the rooms people know.
import type { ReactNode } from "react";

export function RoomShell({ children }: { children: ReactNode }) {
  return (
    <div data-fullwindow className="fixed inset-0 z-40 flex flex-col bg-slate-950 text-white" data-testid="room-shell">
      {children}
    </div>
  );
}
