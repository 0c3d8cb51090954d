// What the header shows about the person signed in: their name and whether they organize an
// event. Read by the browser (GET /api/me/account), so pages stay the same for everyone and can
// be cached (the public agenda is served from Next's cache).
import "server-only";
import { getCurrentUser } from "../auth/current";
import { getOrganizedEvents } from "../auth/session";

export interface AccountSummary {
  user: { name: string | null; email: string; organizer: boolean } | null;
}

export async function getAccountSummary(): Promise<AccountSummary> {
  const user = await getCurrentUser();
  if (!user) return { user: null };
  const organizes = (await getOrganizedEvents(user.id)).length > 0;
  return { user: { name: user.name, email: user.email, organizer: organizes } };
}
