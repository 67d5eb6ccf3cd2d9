import type { DeviceService } from '../devices/device-service';
import type { LoginThrottle } from '../devices/login-throttle';
import type { Principal } from '../devices/principal';
import { AppError, RateLimitedError } from '../domain-error';

export interface HubAuth {
  /** The principal behind a handshake token; rejects with `unauthorized` or `rate_limited`. */
  authenticate(token: string, address: string): Promise<Principal>;
}

/**
 * Socket handshakes are logins too: the same token resolution, and the same per-address throttle,
 * as HTTP bearer tokens — a socket is no cheaper door to knock on.
 */
export function hubAuth(devices: Pick<DeviceService, 'resolve' | 'seen'>, throttle: LoginThrottle): HubAuth {
  return {
    async authenticate(token, address) {
      const locked = throttle.lockedFor(address);
      if (locked !== null) throw new RateLimitedError(locked);
      const principal = devices.resolve(token);
      if (!principal) {
        const delay = throttle.delayMs(address);
        throttle.fail(address);
        if (delay > 0) await new Promise((done) => setTimeout(done, delay));
        throw new AppError(
          'unauthorized',
          'That token is not valid for this DropDeck (revoked, or mistyped).',
        );
      }
      devices.seen(principal);
      return principal;
    },
  };
}
