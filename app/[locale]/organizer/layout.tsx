// Every organizer page: its client components (editors, desk, run sheet, uploads) get the whole
// message catalogue.
import type { ReactNode } from "react";
import { AllMessages } from "@/components/ui/all-messages";

export default function OrganizerLayout({ children }: { children: ReactNode }) {
  return <AllMessages>{children}</AllMessages>;
}
