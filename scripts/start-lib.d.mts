// Types for start-lib.mjs (plain JS so `node scripts/start.mjs` needs no TypeScript loader).

export declare const BUILD_OUTPUTS: string[];
export declare const BUILD_INPUTS: string[];
export declare function isBuildStale(root: string, outputs?: string[], inputs?: string[]): boolean;
export declare function resolveElectronBinary(requireFn: (id: string) => unknown): string | null;
export declare function displayProblem(
  platform: string,
  env: Record<string, string | undefined>,
): string | null;
export declare const ELECTRON_READY_MARKER: string;
export declare function electronFailure(outcome: {
  code: number | null;
  signal: string | null;
  sawReady: boolean;
  spawnError?: string | null;
}): string | null;
export interface ReadyInfo {
  url: string;
  viewersUrl: string | null;
  token: string | null;
}
export declare function parseReadyLine(line: string): ReadyInfo | null;
export declare function headlessBanner(ready: ReadyInfo, reason?: string | null): string;
export declare function splitArgs(argv: string[]): { headless: boolean; passThrough: string[] };
