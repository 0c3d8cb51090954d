// The look of the room's toolbar buttons; `on` marks a pressed toggle.
export function toolbarButton(on = false): string {
  return `inline-flex items-center gap-1 rounded px-3 py-2 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-700 disabled:cursor-not-allowed disabled:opacity-50 ${
    on ? "bg-sky-900 text-white" : "border border-slate-400 bg-white text-slate-900"
  }`;
}
