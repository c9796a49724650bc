import "server-only";

import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@prisma/client";

import { readEnv } from "@/lib/env";

const globalForDb = globalThis as unknown as { prisma?: PrismaClient };

/** The one Prisma client of this process, made on first use (kept on globalThis so dev reloads reuse it). */
function client(): PrismaClient {
  if (globalForDb.prisma) return globalForDb.prisma;
  const connectionString = readEnv().DATABASE_URL;
  if (!connectionString) {
    throw new Error("DATABASE_URL is not set: start the app with `npm start`, which provides a database.");
  }
  // 20 connections: a write waiting for a row lock holds its connection meanwhile, and with 10
  // such waits every other request stalled (the CPU sat a third idle under 30 editors). A connection that cannot be had in 10 s fails the request (503)
  // rather than leaving it waiting on a database that is away.
  globalForDb.prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString, max: 20, connectionTimeoutMillis: 10_000, keepAlive: true }) });
  return globalForDb.prisma;
}

// Lazy, so that building the app needs no database.
export const db = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const real = client();
    const value: unknown = Reflect.get(real, property, real);
    return typeof value === "function" ? value.bind(real) : value;
  },
});
