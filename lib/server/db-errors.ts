import "server-only";

import { Prisma } from "@prisma/client";

/** Whether a write failed on a unique constraint (two requests raced for the same name or code). */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/**
 * Prisma's codes for a database it cannot reach or that has no room: can't
 * reach, timed out, connection closed, transaction not started or closed in
 * time (a pool waiting on a database that is restarting), too many connections.
 */
const UNAVAILABLE_PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2028", "P2037"]);
/** Kinds of the pg adapter's errors (DriverAdapterError's cause) that mean the same. */
const UNAVAILABLE_ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
/**
 * PostgreSQL's SQLSTATEs for a connection that failed (class 08), a server
 * shutting down or starting (57P01 admin shutdown, 57P02 crash shutdown, 57P03
 * cannot connect now) and no room for another connection (53300).
 */
const UNAVAILABLE_SQLSTATE = /^(08...|57P0[123]|53300)$/;
/** Node's socket errors, and the pg driver's own for a connection that ends or never comes. */
const UNAVAILABLE_SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EHOSTUNREACH"]);
const UNAVAILABLE_DRIVER_MESSAGE = /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error)/;

/**
 * Whether an error means the database cannot be reached right now (stopped,
 * restarting, out of connections), as opposed to a bug or a bad query. Such
 * errors reach the app in several shapes: Prisma's known errors with a P1xxx
 * code, the pg adapter's DriverAdapterError (wrapped in Prisma's error as
 * meta.driverAdapterError, or bare when PostgreSQL sent an error Prisma has no
 * code for, such as 57P03 "the database system is shutting down"), and pg's
 * plain errors the adapter passes on as they are.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current instanceof Object && depth < 5; depth++) {
    if (current instanceof Prisma.PrismaClientKnownRequestError && UNAVAILABLE_PRISMA_CODES.has(current.code)) return true;
    if (current instanceof Prisma.PrismaClientInitializationError && current.errorCode && UNAVAILABLE_PRISMA_CODES.has(current.errorCode)) return true;
    if (isUnavailableAdapterCause(adapterCause(current))) return true;
    const { code, message } = current as { code?: unknown; message?: unknown };
    if (typeof code === "string" && (UNAVAILABLE_SOCKET_CODES.has(code) || UNAVAILABLE_SQLSTATE.test(code))) return true;
    if (typeof message === "string" && UNAVAILABLE_DRIVER_MESSAGE.test(message)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/** The adapter's description of a driver error, wherever Prisma put it. */
function adapterCause(error: object): unknown {
  if (error instanceof Error && error.name === "DriverAdapterError") return error.cause;
  const meta = (error as { meta?: { driverAdapterError?: { cause?: unknown } } }).meta;
  return meta?.driverAdapterError?.cause;
}

function isUnavailableAdapterCause(cause: unknown): boolean {
  if (!(cause instanceof Object)) return false;
  const { kind, code, originalCode } = cause as { kind?: unknown; code?: unknown; originalCode?: unknown };
  if (typeof kind === "string" && UNAVAILABLE_ADAPTER_KINDS.has(kind)) return true;
  return [code, originalCode].some((c) => typeof c === "string" && UNAVAILABLE_SQLSTATE.test(c));
}

/** How long a client is asked to wait before trying again: about what a PostgreSQL restart takes. */
export const DATABASE_RETRY_AFTER_SECONDS = 3;

/**
 * The answer to a request that found the database unreachable: 503 with
 * Retry-After, so clients and load balancers try again shortly (nothing was
 * acknowledged); the pool opens new connections by itself once the database
 * is back.
 */
export function databaseUnavailable(error: unknown): Response {
  console.warn(`The database cannot be reached (${error instanceof Error ? error.message.trim().split("\n").at(-1) : String(error)}); answered 503.`);
  return Response.json(
    { code: "UNAVAILABLE", message: `The database cannot be reached right now. Please try again in ${DATABASE_RETRY_AFTER_SECONDS} seconds.` },
    { status: 503, headers: { "Retry-After": String(DATABASE_RETRY_AFTER_SECONDS) } },
  );
}
