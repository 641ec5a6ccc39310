// Prints the first port from the one given (default 54300) up to 20 further that can be listened on at
// 127.0.0.1 right now. Binding, not connecting, is the test: a socket bound to the port without listening
// refuses connections yet still makes a server's bind fail (the red CI of 2026-12-01).
import net from 'node:net';

const first = Number(process.argv[2] ?? 54300);

function canListen(port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => server.close(() => resolve(true)));
  });
}

for (let port = first; port <= first + 20; port++) {
  if (await canListen(port)) {
    console.log(port);
    process.exit(0);
  }
}
console.error(`no port from ${first} to ${first + 20} can be listened on at 127.0.0.1`);
process.exit(1);
