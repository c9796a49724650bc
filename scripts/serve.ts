/**
 * The app's HTTP server: Next.js (production build, or development with --dev) behind a plain Node
 * server that tells the app each request's client address. Route handlers never see the socket,
 * and a client can write any X-Forwarded-For it likes; so this server removes any copy of the
 * internal header a client sent and sets it from the socket, or from the forwarding header only
 * when the socket's peer is a proxy the operator listed in TRUSTED_PROXIES (lib/client-address.ts).
 * Started by scripts/start.ts (with the database ready) and by the benchmarks.
 */
import { createServer, type IncomingMessage } from "node:http";

import { stampClientAddress, trustedProxies } from "@/lib/client-address";
import { readEnv } from "@/lib/env";

const dev = process.argv.includes("--dev");
// As `next start` and `next dev` do; React picks its build by NODE_ENV when loaded, so before Next is imported.
Object.assign(process.env, { NODE_ENV: dev ? "development" : "production" });
const { default: next } = await import("next");
const env = readEnv();
const trusted = trustedProxies(env.TRUSTED_PROXIES);

const stamp = (request: IncomingMessage) => stampClientAddress(request.headers, request.socket.remoteAddress, trusted);

const app = next({ dev, port: env.PORT });
const handle = app.getRequestHandler();
await app.prepare();
const upgrade = app.getUpgradeHandler();

const server = createServer((request, response) => {
  stamp(request);
  void handle(request, response);
});
// Development's hot reload talks over WebSocket upgrades.
server.on("upgrade", (request: IncomingMessage, socket, head: Buffer) => {
  stamp(request);
  void upgrade(request, socket, head);
});
server.listen(env.PORT, () => console.log(`Ready on port ${env.PORT}${trusted.rules.length ? ` (trusted proxies: ${env.TRUSTED_PROXIES.join(", ")})` : ""}`));

const stop = () => {
  server.close();
  server.closeAllConnections();
  void app.close().finally(() => process.exit(0));
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
