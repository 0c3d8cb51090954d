// A titled section of a page, labelled by its heading for assistive technology.
import type { ReactNode } from "react";

export function PageSection({ id, title, level = 2, children }: { id: string; title: string; level?: 2 | 3; children: ReactNode }) {
  const Heading = level === 2 ? "h2" : "h3";
  return (
    <section aria-labelledby={id}>
      <Heading id={id} className={level === 2 ? "text-xl font-semibold" : "font-semibold"}>
        {title}
      </Heading>
      {children}
    </section>
  );
}
