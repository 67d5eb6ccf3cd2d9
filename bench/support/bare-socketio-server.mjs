// The baseline for hub latency: a bare socket.io server on node:http. POST /emit broadcasts the JSON
// body as `drop:updated` on the same two namespaces the hub uses, then answers 204. No auth, no
// validation, no storage: the least a server can do to fan a patch out to the same clients.
// POST /emit-chat does the same for the chat bench: the body as `chat:message` on `/chat`.
import { createServer } from 'node:http';
import { Server } from 'socket.io';

const server = createServer((req, res) => {
  if (req.method !== 'POST' || (req.url !== '/emit' && req.url !== '/emit-chat')) {
    res.writeHead(404).end();
    return;
  }
  let body = '';
  req.on('data', (chunk) => (body += chunk));
  req.on('end', () => {
    const payload = JSON.parse(body);
    if (req.url === '/emit-chat') {
      io.of('/chat').emit('chat:message', payload);
      res.writeHead(204).end();
      return;
    }
    io.of('/control').emit('drop:updated', payload);
    io.of('/overlay').emit('drop:updated', payload);
    res.writeHead(204).end();
  });
});
const io = new Server(server, { serveClient: false });
io.of('/control');
io.of('/overlay');
io.of('/chat');
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`READY http://127.0.0.1:${server.address().port}\n`);
});
