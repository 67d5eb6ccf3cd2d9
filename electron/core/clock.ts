/** The core's notion of "now" (epoch ms). Injected so state-machine tests can move time. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };
