import { spawn } from "node:child_process";

/** Quiet, offline Prisma CLI settings: no update checks, no telemetry. */
export const PRISMA_ENV = { CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" };

/** Runs a command to completion; rejects with its output when it fails. */
export function run(command: string, args: string[], env: Record<string, string> = {}, quiet = false): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: { ...process.env, ...PRISMA_ENV, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      if (!quiet) process.stdout.write(chunk);
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve(output) : reject(new Error(`${command} ${args.join(" ")} failed (exit ${code}):\n${output}`))));
  });
}
