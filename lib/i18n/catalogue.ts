// The message catalogue of a locale: messages/{locale}.json plus one file per feature folder
// (messages/{feature}/{locale}.json), each owning its own top-level namespaces.
export const messageFeatures = [
  "editor",
  "materials",
  "live",
  "transfer",
  "attendance",
  "room",
  "interpretation",
  "recordings",
  "player",
  "recordingsConsole",
  "egress",
  "qa",
  "broadcast",
  "backstage",
  "watch",
  "lobby",
  "breakouts",
  "meetings",
  "captions",
] as const;
