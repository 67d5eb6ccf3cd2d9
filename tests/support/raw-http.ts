import { connect } from 'node:net';

export interface RawResponse {
  status: number;
  head: string;
  body: string;
}

/**
 * Sends exactly the bytes given (a hand-written request line and headers), as a stranger's script
 * would, and reads the answer. fetch() normalises paths and never sends absolute-form targets.
 */
export function rawRequest(baseUrl: string, request: string): Promise<RawResponse> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port) });
    let data = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => (data += chunk));
    socket.on('error', reject);
    socket.on('end', () => {
      const split = data.indexOf('\r\n\r\n');
      const head = split === -1 ? data : data.slice(0, split);
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(head)?.[1] ?? 0);
      resolve({ status, head, body: split === -1 ? '' : data.slice(split + 4) });
    });
    socket.write(request.endsWith('\r\n\r\n') ? request : `${request}\r\n\r\n`);
  });
}

/** A GET with an exact request target and `Connection: close`. */
export const rawGet = (
  baseUrl: string,
  target: string,
  headers: Record<string, string> = {},
): Promise<RawResponse> => {
  const host = new URL(baseUrl).host;
  const lines = Object.entries({ Host: host, Connection: 'close', ...headers }).map(([k, v]) => `${k}: ${v}`);
  return rawRequest(baseUrl, [`GET ${target} HTTP/1.1`, ...lines].join('\r\n'));
};
