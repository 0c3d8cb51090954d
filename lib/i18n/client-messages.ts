// Which messages the browser gets. The locale layout hands client components only the
// namespaces that public and delegate pages use (the whole catalogue was 44 KB of every page's
// payload, most of it the organizer console's and the room's); the organizer console, the live
// room and the Egress pages hand theirs the whole catalogue (components/ui/all-messages.tsx), so
// the materials forms, only ever under the organizer console, are left out here.
// client-messages.test.ts keeps this list in step with the components.
import type { AbstractIntlMessages } from "next-intl";

export const PUBLIC_CLIENT_NAMESPACES = [
  "agenda",
  "auth",
  "common",
  "error",
  "errors",
  "kinds",
  "languages",
  "myAgenda",
  "nav",
  "now",
  "player",
  "polls",
  "qa",
  "recordings",
  "register",
  "roles",
  "statuses",
  "time",
] as const;

/** The audience's watch page adds its own and the recording layout's (its WebRTC player draws the
 * stage as the recording does), and no more: it may be opened by thousands at once. */
export const WATCH_CLIENT_NAMESPACES = [...PUBLIC_CLIENT_NAMESPACES, "watch", "egressLayout"] as const;

export function pickNamespaces(messages: AbstractIntlMessages, namespaces: readonly string[]): AbstractIntlMessages {
  return Object.fromEntries(namespaces.filter((ns) => ns in messages).map((ns) => [ns, messages[ns]]));
}
