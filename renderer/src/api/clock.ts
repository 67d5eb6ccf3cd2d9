/** One clock-sync round trip: when we asked, what the server's clock said, when the answer came. */
export interface ClockSample {
  sentAt: number;
  serverTime: number;
  receivedAt: number;
}

/**
 * NTP-style estimate of `serverClock - localClock`: trust the sample with the shortest round trip
 * (least queuing noise) and assume the server read its clock halfway through it. The countdown every
 * phone shows is then `endsAt - (Date.now() + offset)`, so a phone with a wrong clock still agrees
 * with the stream to within a network hop.
 */
export function estimateOffset(samples: readonly ClockSample[]): number | null {
  let best: ClockSample | null = null;
  for (const s of samples) {
    if (s.receivedAt < s.sentAt) continue;
    if (!best || s.receivedAt - s.sentAt < best.receivedAt - best.sentAt) best = s;
  }
  if (!best) return null;
  return best.serverTime - (best.sentAt + (best.receivedAt - best.sentAt) / 2);
}
