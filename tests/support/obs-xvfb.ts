import { spawn, type ChildProcess } from 'node:child_process';
import type { Readable } from 'node:stream';

export interface Xvfb {
  display: string;
  process: ChildProcess;
}

/** Starts Xvfb on a free display (`-displayfd` makes it pick one and tell us which). */
export async function startXvfb(): Promise<Xvfb> {
  const proc = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1024x768x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  });
  const fd3 = proc.stdio[3] as Readable;
  let stderr = '';
  proc.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const display = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(
      () => reject(new Error(`Xvfb did not report a display within 10 s: ${stderr}`)),
      10_000,
    );
    fd3.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) {
        clearTimeout(timer);
        resolve(`:${out.trim()}`);
      }
    });
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Xvfb exited (${String(code)}): ${stderr}`));
    });
    proc.once('error', (err) => {
      clearTimeout(timer);
      reject(new Error(`Xvfb could not start (apt-get install xvfb): ${err.message}`));
    });
  });
  return { display, process: proc };
}
