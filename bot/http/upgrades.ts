import type { Duplex } from 'node:stream';
import type { Server } from 'restify';

/**
 * Where no WebSocket is served (production: Azure Direct Line streams, not the bot), an upgrade request
 * is answered and closed at once; left alone, Node would hand it to the routes and keep the socket open.
 */
export function refuseUpgrades(server: Server): void {
  server.server.on('upgrade', (_request: unknown, socket: Duplex) => {
    socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
  });
}
