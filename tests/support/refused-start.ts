import { startCoreProcess } from './core-process';

export interface RefusedStart {
  exitCode: number | null;
  stderr: string;
}

/**
 * Runs `serve.ts` through `startCoreProcess`, expecting it to refuse to start; resolves with its exit
 * code and everything it wrote on stderr (taken from startCoreProcess's early-exit error).
 */
export async function refusedStart(
  dataDir: string,
  token: string,
  env: NodeJS.ProcessEnv = {},
): Promise<RefusedStart> {
  let started: Awaited<ReturnType<typeof startCoreProcess>>;
  try {
    started = await startCoreProcess(dataDir, token, env);
  } catch (error) {
    const m = /^core exited with (\S+) before it was ready:\n([\s\S]*)$/.exec(
      String((error as Error).message),
    );
    if (!m) throw error;
    return { exitCode: m[1] === 'null' ? null : Number(m[1]), stderr: m[2] };
  }
  await started.kill('SIGTERM');
  throw new Error(`DropDeck started on ${dataDir} although it should have refused`);
}
