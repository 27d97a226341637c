// The reference for Partyline's benchmarks: a plain Node `ws` broadcast server speaking just the
// part of the Partyline protocol that `bench --scenario idle|fanout` uses (hello, create, join,
// chat, ping), with the `/metrics` figures the bench reads (process CPU, RSS, connections,
// messages out). A room's chat is encoded once and sent to every member, as Partyline does.
// Usage: node ws-reference.js [--host 127.0.0.1] [--http-port 8080]
'use strict';
const http = require('http');
const { WebSocketServer } = require('ws');

const args = process.argv.slice(2);
const arg = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const host = arg('--host', '127.0.0.1');
const port = Number(arg('--http-port', '8080'));

const rooms = new Map(); // code → { members: Set<socket>, seq }
let players = 0;
let messagesOut = 0;

function metrics() {
  const cpu = process.cpuUsage();
  return [
    `process_cpu_time_ns_total ${(cpu.user + cpu.system) * 1000}`,
    `process_resident_memory_bytes ${process.memoryUsage().rss}`,
    `partyline_connections{transport="ws"} ${wss.clients.size}`,
    `partyline_messages_out_total ${messagesOut}`,
    '',
  ].join('\n');
}

/** The body of a GET of [url], or null for 404. */
function page(url) {
  if (url === '/metrics') return metrics();
  if (url === '/health') return 'ok';
  return null;
}

const server = http.createServer((req, res) => {
  const body = page(req.url);
  res.writeHead(body === null ? 404 : 200, { 'content-type': 'text/plain' });
  res.end(body ?? '');
});

// Upgrades: WebSocket on /ws; any other (Java's HttpClient asks for h2c) is answered in HTTP/1.1.
const wss = new WebSocketServer({ noServer: true });
server.on('upgrade', (req, socket, head) => {
  if ((req.headers.upgrade || '').toLowerCase() === 'websocket' && req.url === '/ws') {
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
    return;
  }
  const body = page(req.url);
  const status = body === null ? '404 Not Found' : '200 OK';
  socket.end(`HTTP/1.1 ${status}\r\ncontent-type: text/plain\r\ncontent-length: ${Buffer.byteLength(body ?? '')}\r\nconnection: close\r\n\r\n${body ?? ''}`);
});

function send(socket, message) {
  socket.send(JSON.stringify(message));
  messagesOut++;
}

function newCode() {
  let code;
  do code = Math.random().toString(36).slice(2, 8).toUpperCase(); while (code.length < 6 || rooms.has(code));
  return code;
}

function enter(socket, code, re) {
  const room = rooms.get(code);
  if (!room) return send(socket, { type: 'error', code: 'room_not_found', message: 'no such room', re });
  room.members.add(socket);
  socket.room = code;
  send(socket, { type: 'room', code, state: 'lobby', seq: room.seq, you: { player: socket.player }, re });
}

wss.on('connection', (socket) => {
  socket.on('message', (data) => {
    let message;
    try {
      message = JSON.parse(data);
    } catch {
      return send(socket, { type: 'error', code: 'bad_json', message: 'not JSON' });
    }
    const re = message.id;
    switch (message.type) {
      case 'hello':
        socket.player = `p_${++players}`;
        socket.name = message.name;
        return send(socket, { type: 'welcome', protocol: 1, player: socket.player, session: `${socket.player}.x`, now: Date.now(), re });
      case 'create': {
        const code = newCode();
        rooms.set(code, { members: new Set(), seq: 0 });
        return enter(socket, code, re);
      }
      case 'join':
        return enter(socket, String(message.room || '').toUpperCase(), re);
      case 'chat': {
        const room = rooms.get(socket.room);
        if (!room) return send(socket, { type: 'error', code: 'not_in_room', message: 'join first', re });
        const text = JSON.stringify({ type: 'chat', from: socket.player, name: socket.name, text: message.text, seq: ++room.seq });
        for (const member of room.members) member.send(text);
        messagesOut += room.members.size;
        return undefined;
      }
      case 'ping':
        return send(socket, { type: 'pong', t: message.t, now: Date.now() });
      default:
        return undefined;
    }
  });
  socket.on('close', () => {
    const room = rooms.get(socket.room);
    if (!room) return;
    room.members.delete(socket);
    if (room.members.size === 0) rooms.delete(socket.room);
  });
});

server.listen(port, host, () => console.log(`ws reference listening: http://${host}:${port}/ (WebSocket /ws)`));
