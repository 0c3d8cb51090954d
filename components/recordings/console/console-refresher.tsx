"use client";
// Keeps the console's data fresh while a recording is under way: the recording service reports
// by webhook (starting → recording → processing → ready or failed), which only the server sees.
import { useRouter } from "next/navigation";
import { useEffect } from "react";

export function ConsoleRefresher({ active, intervalMs = 3000 }: { active: boolean; intervalMs?: number }) {
  const router = useRouter();
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => router.refresh(), intervalMs);
    return () => clearInterval(timer);
  }, [active, intervalMs, router]);
  return null;
}
