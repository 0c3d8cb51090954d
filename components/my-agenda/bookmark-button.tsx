"use client";
// "Add to My agenda" on an agenda row or a session page: a toggle (aria-pressed) for a signed-in
// visitor, saved at once by a server action; a signed-out visitor is offered sign-in where the
// page has room for it. Nothing shows until the page knows who is looking.
import { useLocale, useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useVisitor } from "@/components/event/visitor";
import { Link, useRouter } from "@/lib/i18n/navigation";
import { bookmarkAction } from "@/lib/my-agenda/actions";

/** `refresh`: the page lists bookmarks it rendered on the server (My conference), so it reloads them. */
export function BookmarkButton({ sessionId, title, offerSignIn = false, refresh = false }: { sessionId: string; title: string; offerSignIn?: boolean; refresh?: boolean }) {
  const t = useTranslations("myAgenda");
  const locale = useLocale();
  const { visitor, setBookmarked } = useVisitor();
  const router = useRouter();
  const [pending, start] = useTransition();
  const [failed, setFailed] = useState(false);
  if (!visitor) return null;
  if (!visitor.signedIn) {
    return offerSignIn ? (
      <Link href={`/sign-in?callbackUrl=${encodeURIComponent(`/${locale}/sessions/${sessionId}`)}`} className="text-sm text-sky-900 underline print:hidden">
        {t("signIn")}
      </Link>
    ) : null;
  }
  const on = visitor.bookmarks.includes(sessionId);
  const toggle = () =>
    start(async () => {
      setFailed(false);
      const result = await bookmarkAction(sessionId, !on);
      if (!result.ok) setFailed(true);
      else {
        setBookmarked(sessionId, result.data);
        if (refresh) router.refresh();
      }
    });
  return (
    <span className="inline-flex items-center gap-2 print:hidden">
      <button
        type="button"
        onClick={toggle}
        disabled={pending}
        aria-pressed={on}
        className={`rounded border px-2 py-0.5 text-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-700 disabled:opacity-60 ${on ? "border-amber-700 bg-amber-100 text-amber-950" : "border-sky-900 text-sky-900 hover:bg-sky-50"}`}
        data-testid="bookmark"
        data-on={on}
      >
        <span aria-hidden>{on ? "★ " : "☆ "}</span>
        {on ? t("added") : t("add")}
        {/* The visible words first (the name says what is seen), then which session. */}
        <span className="sr-only">: {title}</span>
      </button>
      {failed && (
        <span role="alert" className="text-sm text-red-800">
          {t("failed")}
        </span>
      )}
    </span>
  );
}
