// Runs once when a server instance boots: refuse unsafe production configuration, fail fast on
// bad configuration, resolve each request's client address (TRUSTED_PROXY_HOPS), let the
// recordings follow the agenda's changes (the agenda may not import them), then start the
// recordings' and broadcasts' housekeeping (silent egresses fail, automatic recordings stop with
// their forum), the breakout rooms' closing, and
// the reminder mails before bookmarked and own sessions.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { assertSafeForProduction, getEnv } = await import("@/lib/env");
    try {
      assertSafeForProduction(getEnv());
    } catch (err) {
      // Said once, plainly, and the server stops: Next would otherwise print a stack and go on.
      console.error(`[plenary] ${(err as Error).message}`);
      process.exit(1);
    }
    const { installClientAddressHook } = await import("@/lib/http/client-address-hook");
    installClientAddressHook(getEnv().TRUSTED_PROXY_HOPS);
    const { registerRecordingHooks } = await import("@/lib/recordings/hooks");
    registerRecordingHooks();
    const { startRecordingSweeper } = await import("@/lib/recordings/control");
    startRecordingSweeper();
    const { startBroadcastSweeper } = await import("@/lib/broadcast/control");
    startBroadcastSweeper();
    const { startBreakoutSweeper } = await import("@/lib/breakouts/run");
    startBreakoutSweeper();
    const { startReminderSweeper } = await import("@/lib/my-agenda/sweep");
    startReminderSweeper();
  }
}
