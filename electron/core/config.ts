import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { networkInterfaces, homedir, platform } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ensurePrivateDir, folderNotWritable, PRIVATE_FILE_MODE, tightenMode } from './startup/private-files';
import { NOT_WRITABLE_CODES, StartupError, errorCode } from './startup/startup-error';

export interface CoreConfig {
  dataDir: string;
  port: number;
  host: string;
  hostToken: string;
  /** True when the token was generated (and saved) on this start, so the CLI prints it. */
  hostTokenGenerated: boolean;
  /** Base URL viewers reach (QR payloads, short links). No trailing slash. */
  publicUrl: string;
  /** Where the built control panel and overlay pages are (electron-vite's renderer output). */
  rendererDir: string | null;
  obsUrl: string | null;
  obsPassword: string | null;
  /**
   * Proxies whose `X-Forwarded-For` is believed (a tunnel's local end, e.g. `127.0.0.1`), from
   * `DROPDECK_TRUSTED_PROXIES` (comma-separated addresses). Empty: the socket's address is the client.
   */
  trustedProxies: string[];
  /** The edge relay viewers reach instead of this laptop (QR payloads point there); null: none. */
  relayUrl: string | null;
  /** Shared with the relay (its RELAY_SECRET); signs every sync request. */
  relaySecret: string | null;
  /** How often the relay is asked for new scans (and sent queued link changes). */
  relaySyncMs: number;
}

export const DEFAULT_PORT = 4800;
/** The host token guards sales and the ledger from anyone on the Wi-Fi: ~144 bits when base64url. */
export const MIN_TOKEN_LENGTH = 24;

/** The OS app-data folder, as Electron's `app.getPath('userData')` would pick it. */
export function defaultDataDir(): string {
  const home = homedir();
  switch (platform()) {
    case 'win32':
      return join(process.env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'DropDeck');
    case 'darwin':
      return join(home, 'Library', 'Application Support', 'DropDeck');
    default:
      return join(process.env.XDG_CONFIG_HOME ?? join(home, '.config'), 'DropDeck');
  }
}

/** First non-internal IPv4 address, so phones on the same Wi-Fi can reach the QR links. */
export function lanAddress(): string {
  for (const addrs of Object.values(networkInterfaces())) {
    for (const a of addrs ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  }
  return '127.0.0.1';
}

function loadOrCreateToken(dataDir: string): { token: string; generated: boolean } {
  const file = join(dataDir, 'host-token');
  if (existsSync(file)) {
    const token = readFileSync(file, 'utf8').trim();
    if (token.length >= MIN_TOKEN_LENGTH) {
      tightenMode(file);
      return { token, generated: false };
    }
  }
  const token = randomBytes(24).toString('base64url');
  try {
    writeFileSync(file, token + '\n', { mode: PRIVATE_FILE_MODE });
  } catch (error) {
    if (NOT_WRITABLE_CODES.has(errorCode(error) ?? '')) throw folderNotWritable(dataDir, error);
    throw error;
  }
  // `mode` only applies to a new file; a short token being replaced may have been world-readable.
  tightenMode(file);
  return { token, generated: true };
}

function refuseWeakToken(token: string, fromOverride: boolean, dataDir: string): void {
  if (token.length >= MIN_TOKEN_LENGTH) return;
  const source = fromOverride ? 'The host token given to DropDeck' : 'DROPDECK_HOST_TOKEN';
  throw new StartupError(
    'weak_host_token',
    `${source} is too short (${token.length} characters; at least ${MIN_TOKEN_LENGTH} are needed). ` +
      `Use a longer random value, or leave it unset and DropDeck keeps a strong one in ${join(dataDir, 'host-token')}.`,
  );
}

export interface ConfigOverrides {
  dataDir?: string;
  port?: number;
  host?: string;
  publicUrl?: string;
  rendererDir?: string | null;
  hostToken?: string;
}

export function resolveConfig(
  overrides: ConfigOverrides = {},
  env: NodeJS.ProcessEnv = process.env,
): CoreConfig {
  const dataDir = overrides.dataDir ?? env.DROPDECK_DATA_DIR ?? defaultDataDir();
  ensurePrivateDir(dataDir);
  const port = overrides.port ?? (env.DROPDECK_PORT ? Number(env.DROPDECK_PORT) : DEFAULT_PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new StartupError(
      'bad_port',
      `--port must be a whole number from 0 to 65535 (got ${String(port)}).`,
    );
  }
  const host = overrides.host ?? env.DROPDECK_BIND ?? '0.0.0.0';
  const fromEnv = overrides.hostToken ?? env.DROPDECK_HOST_TOKEN;
  if (fromEnv) refuseWeakToken(fromEnv, overrides.hostToken !== undefined, dataDir);
  const { token, generated } = fromEnv ? { token: fromEnv, generated: false } : loadOrCreateToken(dataDir);
  const publicUrl = (overrides.publicUrl ?? env.DROPDECK_PUBLIC_URL ?? '').replace(/\/+$/, '');
  return {
    dataDir,
    port,
    host,
    hostToken: token,
    hostTokenGenerated: generated,
    publicUrl,
    rendererDir: overrides.rendererDir === undefined ? null : overrides.rendererDir,
    obsUrl: env.DROPDECK_OBS_URL ?? null,
    obsPassword: env.DROPDECK_OBS_PASSWORD ?? null,
    trustedProxies: (env.DROPDECK_TRUSTED_PROXIES ?? '')
      .split(',')
      .map((a) => a.trim())
      .filter((a) => a !== ''),
    ...relayConfig(env),
  };
}

/** `DROPDECK_RELAY_URL` + `DROPDECK_RELAY_SECRET` (both or neither), `DROPDECK_RELAY_SYNC_MS`. */
function relayConfig(env: NodeJS.ProcessEnv): Pick<CoreConfig, 'relayUrl' | 'relaySecret' | 'relaySyncMs'> {
  const url = (env.DROPDECK_RELAY_URL ?? '').trim().replace(/\/+$/, '');
  const secret = (env.DROPDECK_RELAY_SECRET ?? '').trim();
  const syncMs = env.DROPDECK_RELAY_SYNC_MS ? Number(env.DROPDECK_RELAY_SYNC_MS) : 2000;
  if (!Number.isInteger(syncMs) || syncMs < 50 || syncMs > 600_000) {
    throw new Error(
      `DROPDECK_RELAY_SYNC_MS must be a whole number of ms from 50 to 600000 (got ${String(syncMs)})`,
    );
  }
  if (!url) return { relayUrl: null, relaySecret: null, relaySyncMs: syncMs };
  if (!/^https?:\/\/[^/]+/.test(url)) {
    throw new Error(
      `DROPDECK_RELAY_URL must be an http(s) URL such as https://dropdeck-relay.you.workers.dev (got ${url})`,
    );
  }
  if (secret.length < 16) {
    throw new Error('DROPDECK_RELAY_SECRET must be set (16 characters or more) when DROPDECK_RELAY_URL is.');
  }
  return { relayUrl: url, relaySecret: secret, relaySyncMs: syncMs };
}

/** `--data-dir DIR --port PORT --host ADDR --public-url URL` */
export function parseCliArgs(argv: string[]): ConfigOverrides {
  const { values } = parseArgs({
    args: argv,
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      'public-url': { type: 'string' },
      renderer: { type: 'string' },
    },
    strict: true,
  });
  return {
    dataDir: values['data-dir'],
    port: values.port === undefined ? undefined : Number(values.port),
    host: values.host,
    publicUrl: values['public-url'],
    rendererDir: values.renderer,
  };
}
