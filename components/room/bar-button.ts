// The look of every control-bar button, in its own file because the bar and the buttons it holds
// (hand, screen request, recording) all use it.
export const barButton = (on = false, danger = false) =>
  `relative inline-flex min-h-11 min-w-11 flex-col items-center justify-center gap-0.5 rounded-lg px-2 py-1 text-xs font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-300 disabled:cursor-not-allowed disabled:opacity-50 ${
    danger ? "bg-red-700 text-white hover:bg-red-800" : on ? "bg-sky-200 text-slate-950" : "bg-slate-800 text-white hover:bg-slate-700"
  }`;
