import type { Drop } from '../../../shared/drops';
import { usePanel } from '../api/panel-context';
import { useTicker } from '../hooks/useTicker';
import { formatCountdown } from '../lib/format';

/**
 * Time left, computed from the server's `endsAt` and the server clock estimate — never from a local
 * timer — so the host's laptop, a co-host's phone and the OBS overlay all show the same second.
 */
export function Countdown({ drop }: { drop: Drop }) {
  const { serverNow } = usePanel();
  const running = drop.state === 'live' && drop.endsAt !== null;
  useTicker(running);
  if (!running || drop.endsAt === null) return null;
  const remaining = drop.endsAt - serverNow();
  const urgent = remaining <= 60_000;
  return (
    <p className={urgent ? 'countdown countdown--urgent' : 'countdown'} role="timer" aria-label="Time left">
      {formatCountdown(remaining)}
    </p>
  );
}
