import { createHmac, randomBytes } from 'node:crypto';
import type { SettingsRepo } from '../store/settings-repo';

const KEY = 'ledger.emailHashKey';

/**
 * A buyer's e-mail as HMAC-SHA256 under a per-install secret (kept in `settings`): the same buyer is
 * recognised across days and sources, but a copy of the ledger alone can't be matched against a list
 * of addresses without the key.
 */
export class EmailHasher {
  private key: Buffer | null = null;

  constructor(private readonly settings: SettingsRepo) {}

  hash(email: string | null | undefined): Buffer | null {
    const normalised = email?.trim().toLowerCase();
    if (!normalised) return null;
    return createHmac('sha256', this.secret()).update(normalised).digest();
  }

  private secret(): Buffer {
    if (this.key) return this.key;
    let stored = this.settings.get<string>(KEY);
    if (!stored) {
      stored = randomBytes(32).toString('base64');
      this.settings.set(KEY, stored);
    }
    this.key = Buffer.from(stored, 'base64');
    return this.key;
  }
}
