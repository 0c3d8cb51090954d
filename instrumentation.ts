// Runs once when a server instance boots: fail fast on bad configuration, then start the
// recordings' housekeeping (silent egresses fail, automatic recordings stop with their forum) and
// the reminder mails before bookmarked and own sessions.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { getEnv } = await import("@/lib/env");
    getEnv();
    const { startRecordingSweeper } = await import("@/lib/recordings/control");
    startRecordingSweeper();
    const { startReminderSweeper } = await import("@/lib/my-agenda/sweep");
    startReminderSweeper();
  }
}
