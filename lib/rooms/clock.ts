// The server's clock as a browser estimates it. The room shows times the server stamped (a raised
// hand, a booth handover) against "now"; a viewer's clock may be minutes off, so "now" is the
// browser's clock corrected by an offset measured against the server. Pure, for unit tests.

export interface ClockEstimate {
  /** Server clock minus this clock, in ms. */
  offset: number;
  /** Round trip of the exchange it came from: the estimate is off by at most half of it. */
  roundTrip: number;
}

/** From one exchange: asked at `sentAt`, answered `serverNow`, received at `receivedAt` (this
 * clock's ms). The server is assumed to have answered halfway through the round trip. */
export function estimateFrom(sentAt: number, serverNow: number, receivedAt: number): ClockEstimate {
  const roundTrip = Math.max(0, receivedAt - sentAt);
  return { offset: serverNow - (sentAt + roundTrip / 2), roundTrip };
}

/** The estimate with the shorter round trip is the more certain one. */
export function better(current: ClockEstimate | null, next: ClockEstimate): ClockEstimate {
  return !current || next.roundTrip < current.roundTrip ? next : current;
}
