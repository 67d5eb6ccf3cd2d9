/** What a webhook route answers; the route only copies it onto the reply. */
export interface IngestResult {
  status: number;
  body: { received: boolean; outcome: string; message?: string };
}

export const answer = (status: number, outcome: string, message?: string): IngestResult => ({
  status,
  body: { received: status < 300, outcome, ...(message ? { message } : {}) },
});
