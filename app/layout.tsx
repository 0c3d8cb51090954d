// The html/body live in app/[locale]/layout.tsx, where the language is known.
import type { ReactNode } from "react";
import "./globals.css";

export default function RootLayout({ children }: { children: ReactNode }) {
  return children;
}
