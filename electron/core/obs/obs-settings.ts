import type { CoreConfig } from '../config';
import type { SettingsRepo } from '../store/settings-repo';
import type { ObsTarget } from './types';

export const OBS_SETTINGS_KEY = 'obs.connection';
export const DEFAULT_OBS_URL = 'ws://127.0.0.1:4455';

interface StoredObsConnection {
  url: string;
  password: string;
  /** False after the host pressed Disconnect: do not connect on the next start. */
  enabled: boolean;
}

/**
 * Where the OBS address and password live. Stored in the app's settings; DROPDECK_OBS_URL and
 * DROPDECK_OBS_PASSWORD override them at start-up (handy for kiosks and CI). A connect the host
 * makes from the panel wins for that run and is stored.
 */
export class ObsSettings {
  constructor(
    private readonly settings: SettingsRepo,
    private readonly config: Pick<CoreConfig, 'obsUrl' | 'obsPassword'>,
  ) {}

  private stored(): StoredObsConnection | undefined {
    return this.settings.get<StoredObsConnection>(OBS_SETTINGS_KEY);
  }

  /** What to connect to at start-up, or null when the host never set OBS up. */
  startupTarget(): ObsTarget | null {
    const stored = this.stored();
    const fromEnv = this.config.obsUrl !== null || this.config.obsPassword !== null;
    if (!fromEnv && (!stored || !stored.enabled)) return null;
    return {
      url: this.config.obsUrl ?? stored?.url ?? DEFAULT_OBS_URL,
      password: this.config.obsPassword ?? stored?.password ?? '',
    };
  }

  /** The target for a connect from the panel: given fields, else what is stored, else defaults. */
  resolve(input: { url?: string; password?: string }): ObsTarget {
    const stored = this.stored();
    return {
      url: input.url ?? stored?.url ?? this.config.obsUrl ?? DEFAULT_OBS_URL,
      password: input.password ?? stored?.password ?? this.config.obsPassword ?? '',
    };
  }

  save(target: ObsTarget, enabled: boolean): void {
    this.settings.set(OBS_SETTINGS_KEY, { ...target, enabled } satisfies StoredObsConnection);
  }

  setEnabled(enabled: boolean): void {
    const stored = this.stored();
    if (stored) this.save({ url: stored.url, password: stored.password }, enabled);
  }
}
