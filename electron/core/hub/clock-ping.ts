import { ClockPingSchema } from '../../../shared/hub-events';
import type { Clock } from '../clock';

/**
 * `clock:ping` answers with the server's clock as late as possible (right before the ack is sent), so
 * the client's NTP estimate only carries the network's asymmetry. Malformed pings get no answer; the
 * client's ping simply times out.
 */
export function clockPingHandler(clock: Clock): (clientSentAt: unknown, ack: unknown) => void {
  return (clientSentAt, ack) => {
    if (typeof ack !== 'function' || !ClockPingSchema.safeParse(clientSentAt).success) return;
    (ack as (serverTime: number) => void)(clock.now());
  };
}
