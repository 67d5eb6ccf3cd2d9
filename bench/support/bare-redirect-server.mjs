// The baseline: the least a server can do to answer a scan — a bare node:http 302, no storage.
import { createServer } from 'node:http';

const server = createServer((req, res) => {
  res.writeHead(302, { location: 'https://shop.example.com/checkout?ref=x', 'cache-control': 'no-store' });
  res.end();
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`READY http://127.0.0.1:${server.address().port}\n`);
});
