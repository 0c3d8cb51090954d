"use client";
// Reads the meetings page again every half minute while it is in view, so a new request, an answer
// or a room opening shows without a reload. A refresh keeps what is typed in the form (client
// state survives it); no push channel is needed for changes a person waits minutes for.
import { useRouter } from "next/navigation";
import { useEffect } from "react";

export function AutoRefresh({ seconds = 30 }: { seconds?: number }) {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") router.refresh();
    }, seconds * 1000);
    return () => clearInterval(timer);
  }, [router, seconds]);
  return null;
}
