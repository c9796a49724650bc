import { createServer } from "node:net";

/** Fails with a message naming the port and how to choose another when it is taken. */
export function assertPortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", (error: NodeJS.ErrnoException) => {
      reject(
        error.code === "EADDRINUSE"
          ? new Error(`Port ${port} is already in use. Stop whatever uses it, or choose another port, e.g. PORT=${port + 1} npm start`)
          : error,
      );
    });
    probe.listen(port, () => probe.close(() => resolve()));
  });
}
