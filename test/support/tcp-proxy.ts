import net from 'node:net';

/**
 * A TCP hop between the app and PostgreSQL that a test can break on purpose:
 * `cut` is a database that went away (connections reset, new ones refused),
 * `silence` is one that stopped answering (a network partition), `restore`
 * brings it back. The database itself is never touched.
 */
export type FaultyLink = {
  /** The database URL, pointing through the link. */
  url: string;
  cut(): Promise<void>;
  silence(): void;
  restore(): Promise<void>;
  close(): Promise<void>;
};

export async function faultyLink(databaseUrl: string): Promise<FaultyLink> {
  const target = new URL(databaseUrl);
  const host = target.hostname;
  const port = Number(target.port || 5432);
  const sockets = new Set<net.Socket>();
  let silent = false;
  const track = (socket: net.Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  };
  const server = net.createServer((inbound) => {
    track(inbound);
    if (silent) return; // accepted, and never answered
    const outbound = net.connect(port, host);
    track(outbound);
    inbound.on('data', (chunk) => silent || outbound.write(chunk));
    outbound.on('data', (chunk) => silent || inbound.write(chunk));
    inbound.on('close', () => outbound.destroy());
    outbound.on('close', () => inbound.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const linkPort = (server.address() as net.AddressInfo).port;
  const url = new URL(databaseUrl);
  url.hostname = '127.0.0.1';
  url.port = String(linkPort);
  const dropAll = () => {
    for (const socket of sockets) socket.destroy();
  };
  return {
    url: url.toString(),
    async cut() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        dropAll();
      });
    },
    silence() {
      silent = true;
    },
    async restore() {
      silent = false;
      dropAll();
      if (!server.listening) {
        await new Promise<void>((resolve) => server.listen(linkPort, '127.0.0.1', resolve));
      }
    },
    async close() {
      dropAll();
      if (server.listening) await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
