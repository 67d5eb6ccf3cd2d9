import { fork } from 'node:child_process';
import type { ForkCore } from './core-process';

/**
 * In development (`npm start`), better-sqlite3 is compiled for the developer's Node, not for
 * Electron's. The launcher then passes its own Node binary in DROPDECK_CORE_NODE and the core runs
 * as a plain Node child (the Companion way) instead of a utility process. Packaged apps rebuild
 * native modules for Electron and use the utility process.
 */
export function nodeCoreFork(nodePath: string): ForkCore {
  return (modulePath, args, options) => {
    const child = fork(modulePath, args, {
      execPath: nodePath,
      env: { ...options.env },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      serialization: 'json',
    });
    return {
      on(event: 'message' | 'exit', listener: (value: never) => void) {
        if (event === 'exit') child.on('exit', (code) => (listener as (c: number) => void)(code ?? 1));
        else child.on('message', listener as (m: unknown) => void);
        return child;
      },
      postMessage: (message) => {
        if (child.connected) child.send(message);
      },
      kill: () => child.kill(),
    };
  };
}
