// Which messages the browser gets. The locale layout hands every page's client components only the
// namespaces the header, the agenda's rows and the error page translate with; a page whose client
// components need more names the sets it adds (components/ui/page-messages.tsx) — the forms' and
// the session's together were 17 KB of every agenda document that the agenda never used. The
// organizer console, the live room and the Egress pages hand theirs the whole catalogue
// (components/ui/all-messages.tsx). client-messages.test.ts follows every page's imports and keeps
// these lists in step with the components.
import type { AbstractIntlMessages } from "next-intl";

export const PUBLIC_CLIENT_NAMESPACES = ["agenda", "common", "error", "kinds", "languages", "myAgenda", "nav", "now", "statuses", "time"] as const;

/** What a page adds to the public list, by name. */
export const PAGE_NAMESPACES = {
  /** Sign-in, password, registration and preference forms: their field errors and labels. */
  forms: ["auth", "errors", "register", "roles"],
  /** A session's Q&A and polls. */
  qa: ["qa", "polls"],
  /** The recording player, its chapters and its moments. */
  player: ["player", "recordings"],
  /** The audience's live player, which draws the stage as the recording does, with live captions. */
  watch: ["watch", "egressLayout", "captions"],
} as const satisfies Record<string, readonly string[]>;

export type PageNamespaces = keyof typeof PAGE_NAMESPACES;

export function clientNamespaces(add: readonly PageNamespaces[]): string[] {
  return [...PUBLIC_CLIENT_NAMESPACES, ...add.flatMap((name) => PAGE_NAMESPACES[name])];
}

export function pickNamespaces(messages: AbstractIntlMessages, namespaces: readonly string[]): AbstractIntlMessages {
  return Object.fromEntries(namespaces.filter((ns) => ns in messages).map((ns) => [ns, messages[ns]]));
}
