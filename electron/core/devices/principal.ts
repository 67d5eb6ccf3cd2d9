import type { Role } from '../../../shared/contract/access';

/**
 * Who the audit log credits: a person's device (by the name it had then) or one of the core's own
 * workers (`system` for timers, `obs`, `rotator`…). Every domain command takes one.
 */
export interface Actor {
  name: string;
  deviceId: number | null;
}

/** An authenticated caller: an actor with a role. The host token is the device-less `host`. */
export interface Principal extends Actor {
  role: Role;
}

export const HOST_PRINCIPAL: Principal = Object.freeze({ name: 'host', deviceId: null, role: 'host' });

/** The core's own workers, which act without a device. */
export const systemActor = (name: string): Actor => Object.freeze({ name, deviceId: null });
