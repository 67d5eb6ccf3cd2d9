import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

const root = import.meta.dirname;
const rendererRoot = resolve(root, 'renderer');

/**
 * Every `renderer/overlay/*.html` becomes its own page (`out/renderer/overlay/<name>.html`), found at
 * config time so the overlay pages can grow without anyone editing this file.
 */
function rendererPages(): Record<string, string> {
  const pages: Record<string, string> = {
    index: resolve(rendererRoot, 'index.html'),
    // The viewer chat (`/chat`): phones in the venue and remote viewers.
    chat: resolve(rendererRoot, 'chat.html'),
    // The after-show report (issue 8): a standalone printable page.
    report: resolve(rendererRoot, 'report.html'),
  };
  const overlayDir = resolve(rendererRoot, 'overlay');
  if (existsSync(overlayDir)) {
    for (const file of readdirSync(overlayDir).sort()) {
      if (file.endsWith('.html'))
        pages[`overlay/${file.slice(0, -'.html'.length)}`] = resolve(overlayDir, file);
    }
  }
  return pages;
}

export default defineConfig({
  main: {
    build: {
      outDir: resolve(root, 'out/main'),
      // package.json dependencies (fastify, better-sqlite3's native addon, socket.io...) stay as
      // runtime `import`s: native addons cannot be bundled and electron-builder rebuilds them for Electron.
      externalizeDeps: true,
      rolldownOptions: {
        input: {
          // The thin Electron host.
          index: resolve(root, 'electron/main/index.ts'),
          // The core, run by the host in a utility process so a core crash never takes the window down.
          core: resolve(root, 'electron/core/utility-entry.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: resolve(root, 'out/preload'),
      externalizeDeps: true,
      rolldownOptions: {
        input: { index: resolve(root, 'electron/preload/index.ts') },
        // Sandboxed renderers cannot load ESM preloads, and package.json says "type": "module", so
        // the preload must be CommonJS with an explicit .cjs extension.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: rendererRoot,
    // Relative asset URLs work both at `/` (control panel) and `/overlay/...` (OBS pages) on the core.
    base: './',
    plugins: [react()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      emptyOutDir: true,
      // Unlike a desktop-only renderer, these pages are also fetched by phones over Wi-Fi and by OBS.
      minify: true,
      rolldownOptions: { input: rendererPages() },
    },
  },
});
