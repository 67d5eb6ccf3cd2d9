// First-run setup shared by `npm start` and `npm test`, so a fresh clone needs no other command.
// Only Node built-ins here: this runs before node_modules exists.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(cmd, args, env = {}) {
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

/** Installs npm packages when node_modules is missing or older than the lockfile. */
export function ensureNodeModules({ skipElectronBinary = false } = {}) {
  const marker = join(root, 'node_modules', '.package-lock.json');
  const lock = join(root, 'package-lock.json');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  console.log('Installing DropDeck’s packages (first run; better-sqlite3 may compile for a minute or two)…');
  const args = ['ci', '--no-audit', '--no-fund'];
  if (!skipElectronBinary && run(npm, args)) return;
  if (!skipElectronBinary) {
    console.log(
      'Could not download the Electron app shell; installing without it (DropDeck will run headless).',
    );
  }
  if (!run(npm, args, { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' })) {
    console.error('npm could not install DropDeck’s packages; see the errors above.');
    process.exit(1);
  }
}

const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;

/**
 * The test suite drives a real OBS under Xvfb and a real Chromium. On Debian/Ubuntu as root they are
 * installed here; elsewhere the message says what to install.
 */
export function ensureTestTools() {
  const wanted = [
    ['obs', 'obs-studio'],
    ['Xvfb', 'xvfb'],
    ['chromium', 'chromium'],
    // The chat bridge's integration test runs a real IRC server on loopback.
    ['/usr/sbin/ngircd', 'ngircd'],
  ];
  const present = (cmd) => (cmd.startsWith('/') ? existsSync(cmd) : has(cmd));
  const missing = wanted.filter(([cmd]) => !present(cmd)).map(([, pkg]) => pkg);
  if (missing.length === 0) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && has('apt-get')) {
    console.log(`Installing test tools with apt-get: ${missing.join(', ')}…`);
    const env = { DEBIAN_FRONTEND: 'noninteractive' };
    if (
      run('apt-get', ['update', '-qq'], env) &&
      run('apt-get', ['install', '-y', '-qq', ...missing, 'fonts-dejavu-core'], env)
    )
      return;
  }
  console.error(
    `The tests need ${missing.join(', ')} (a real OBS under Xvfb, a real Chromium and an IRC server).\n` +
      `On Debian/Ubuntu: sudo apt-get install ${missing.join(' ')} fonts-dejavu-core`,
  );
  process.exit(1);
}
