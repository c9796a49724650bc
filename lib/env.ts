import { z } from "zod";

import { isProxyRange } from "./client-address";
import { ZEmail } from "./schemas/auth";

const emptyAsUnset = (value: unknown) => (value === "" ? undefined : value);

/** Settings read from the environment; an empty value counts as unset. */
export const ZEnv = z.object({
  /** Absent: the start script runs an embedded PostgreSQL in DATA_DIR. */
  DATABASE_URL: z.preprocess(emptyAsUnset, z.url({ protocol: /^postgres(ql)?$/ }).optional()),
  PORT: z.preprocess(emptyAsUnset, z.coerce.number().int().min(1).max(65535).default(3000)),
  DATA_DIR: z.preprocess(emptyAsUnset, z.string().default(".data")),
  /** Port of the embedded PostgreSQL, when it is used. */
  EMBEDDED_PG_PORT: z.preprocess(emptyAsUnset, z.coerce.number().int().min(1).max(65535).default(54329)),
  /** Signs sessions and keys the map's author ids; the start script sets it (scripts/lib/auth-secret.ts). */
  NEXTAUTH_SECRET: z.preprocess(emptyAsUnset, z.string().min(1).optional()),
  /** Proxies (addresses or CIDR ranges, comma-separated) whose X-Forwarded-For names the client; none by default. */
  TRUSTED_PROXIES: z.preprocess(
    (value) => (typeof value === "string" ? value.split(",").map((entry) => entry.trim()).filter(Boolean) : value),
    z.array(z.string().refine(isProxyRange, "Each trusted proxy is an IP address or a CIDR range, such as 10.0.0.0/8.")).default([]),
  ),
  /** The address people reach the app at; its origin may send state-changing requests besides the request's own host. */
  NEXTAUTH_URL: z.preprocess(emptyAsUnset, z.url({ protocol: /^https?$/ }).optional()),
  /** Site administrators, by account email: they act as owner of every debate without one (the ready-made example). */
  ADMIN_EMAILS: z.preprocess(
    (value) => (typeof value === "string" ? value.split(",").map((email) => email.trim()).filter(Boolean) : value),
    z.array(ZEmail).default([]),
  ),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
});
export type TEnv = z.infer<typeof ZEnv>;

export function readEnv(source: NodeJS.ProcessEnv = process.env): TEnv {
  const parsed = ZEnv.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment settings:\n${problems}`);
  }
  return parsed.data;
}
