// Whether a mail asked for from `address` to `email` may go out now: a fixed window per address
// (whatever the mailboxes) and a back-off per mailbox and kind of mail. The back-off never waits
// longer than what the mail carries lives, so while one is held back the last one still works:
// strangers asking for someone's link can delay a new mail, never leave them without a usable one.
import "server-only";
import { hitLimits, mailAddressLimits, mailboxPolicy } from "@/lib/rate-limit/limit";
import { takeTurn } from "@/lib/rate-limit/turns";

export type MailKind = "link" | "reset" | "register";

export async function mailTurn(kind: MailKind, address: string, email: string, lifetimeMinutes: number, now = new Date()): Promise<boolean> {
  const byAddress = await hitLimits(mailAddressLimits(address), now);
  if (!byAddress.allowed) return false;
  return (await takeTurn(`mail:${kind}:${email.trim().toLowerCase()}`, mailboxPolicy(lifetimeMinutes), now)).allowed;
}
