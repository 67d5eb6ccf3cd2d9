import type { z } from 'zod';

/** "seconds: Too small: expected number to be >=1", one clause per issue, for every transport's 400. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length ? issue.path.join('.') : 'input'}: ${issue.message}`)
    .join('; ');
}
