import net from 'node:net';
import type { AddressInfo } from 'node:net';

/** Ends the server processes behind the given client ports (pg_terminate_backend), as a shutdown would. */
export type BackendKiller = (clientPorts: number[]) => Promise<void>;

/**
 * A TCP relay in front of the test PostgreSQL. The integration suite shares one server between test
 * files, so a test cannot stop it; cutting this relay is the same outage for whoever connects through
 * it: new connections are refused (ECONNREFUSED) until `restore()`, and the open ones are ended by the
 * server itself with 57P01 admin_shutdown, exactly what `pg_ctl stop -m fast` sends.
 */
export async function startTcpProxy(target: { host: string; port: number }, killBackends: BackendKiller) {
  const upstreams = new Set<net.Socket>();
  const clients = new Set<net.Socket>();
  let server: net.Server;
  let port = 0;

  const listen = () =>
    new Promise<void>((resolve) => {
      server = net.createServer((client) => {
        const upstream = net.connect(target.port, target.host);
        upstreams.add(upstream);
        clients.add(client);
        client.on('close', () => clients.delete(client));
        // Relay the server's last words (the 57P01 error) before ending the client side.
        upstream.on('close', () => {
          upstreams.delete(upstream);
          client.end();
        });
        upstream.on('error', () => client.destroy());
        client.on('error', () => upstream.destroy());
        client.on('close', () => upstream.destroy());
        client.pipe(upstream);
        upstream.pipe(client);
      });
      server.listen(port, '127.0.0.1', () => {
        port = (server.address() as AddressInfo).port;
        resolve();
      });
    });
  await listen();

  return {
    get port() {
      return port;
    },
    /** Refuses new connections and has the server end every relayed one. */
    async cut() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      await killBackends([...upstreams].map((socket) => socket.localPort).filter((p): p is number => p !== undefined));
      // A connection caught mid-handshake has no backend to end yet: it is dropped after a moment.
      const late = setTimeout(() => {
        for (const socket of [...clients, ...upstreams]) socket.destroy();
      }, 500);
      await closed;
      clearTimeout(late);
    },
    /** Accepts connections again, on the same port. */
    restore: listen,
    async close() {
      // server.close() waits for every accepted connection: a client pool that never hangs up would hold it.
      for (const socket of [...clients, ...upstreams]) socket.destroy();
      if (server.listening) await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
