import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Readable } from "node:stream";

import type { Browser } from "playwright-core";

const HEADLESS_SHELL = "/usr/bin/chromium-headless-shell";
/** How long Chromium may take to start, or to exit once asked. */
const START_TIMEOUT_MS = 30_000;
const EXIT_TIMEOUT_MS = 5_000;

/**
 * Debian's Chromium built for headless batch work (package
 * chromium-headless-shell, the build Playwright itself runs headless), else
 * the full browser, or CHROMIUM_PATH. The shell starts in about half the
 * time and renders with the same engine.
 */
function chromiumPath(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  return existsSync(HEADLESS_SHELL) ? HEADLESS_SHELL : "/usr/bin/chromium";
}

/** Flags that keep Chromium from reaching beyond localhost and from work a batch run has no use for. */
export const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

export type RunningChromium = { browser: Browser; close: () => Promise<void> };

/**
 * Headless Chromium, driven by Playwright. Chromium is started first, by
 * itself, and Playwright attaches to it once loaded: loading Playwright takes
 * about half a second, and Chromium starts meanwhile instead of after. Its
 * debugging port listens on localhost only, for as long as the browser runs;
 * `close` ends it and removes its profile folder.
 */
export async function startChromium(): Promise<RunningChromium> {
  const executable = chromiumPath();
  const profile = mkdtempSync(path.join(tmpdir(), "argmap-chromium-"));
  // Chromium quits when its debugging pipe (fds 3 and 4, otherwise unused)
  // closes, so it cannot outlive this process, however that ends. It has its
  // own process group: Debian's launchers are shell scripts, and killing one
  // would leave Chromium running.
  const child = spawn(executable, [...CHROMIUM_ARGS, "--headless", "--remote-debugging-pipe", "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0", `--user-data-dir=${profile}`, "about:blank"], {
    stdio: ["ignore", "ignore", "pipe", "pipe", "pipe"],
    detached: true,
  });
  // Nothing is asked on the pipe; should Chromium write to it anyway, a full pipe must not stall it.
  (child.stdio[4] as Readable).resume();
  // A process that could not be spawned reports an error and may never report an exit.
  const exited = new Promise<void>((resolve) => {
    child.once("exit", () => resolve());
    child.once("error", () => resolve());
  });
  const kill = () => {
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {
      // Already gone.
    }
  };
  const removeProfile = () => rmSync(profile, { recursive: true, force: true });

  let log = "";
  const endpoint = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Chromium (${executable}) did not start within ${START_TIMEOUT_MS / 1000} s.`)), START_TIMEOUT_MS);
    const read = (chunk: Buffer) => {
      log += chunk.toString();
      const found = /DevTools listening on (ws:\/\/\S+)/.exec(log);
      if (!found) return;
      clearTimeout(timer);
      // What Chromium writes later is drained, not kept.
      child.stderr!.off("data", read).resume();
      resolve(found[1]!);
    };
    child.stderr!.on("data", read);
    child.once("error", (error) => {
      clearTimeout(timer);
      reject(new Error(`Chromium could not be started (${executable}): ${error.message}. Install Debian's chromium-headless-shell or chromium, or set CHROMIUM_PATH.`));
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`Chromium (${executable}) stopped at start (exit code ${code}): ${log.trim().slice(-500)}`));
    });
  });

  endpoint.catch(() => {});

  try {
    // Loaded as what it is (a CommonJS package): import() would add a quarter of a second to scan its bundle for named exports.
    const { chromium } = createRequire(import.meta.url)("playwright-core") as typeof import("playwright-core");
    const browser = await chromium.connectOverCDP(await endpoint);
    return {
      browser,
      close: async () => {
        // Playwright's close only detaches from a browser it did not launch; Chromium is asked to quit.
        await browser
          .newBrowserCDPSession()
          .then((session) => session.send("Browser.close"))
          .catch(() => kill());
        const timer = setTimeout(kill, EXIT_TIMEOUT_MS);
        await exited;
        clearTimeout(timer);
        removeProfile();
      },
    };
  } catch (error) {
    kill();
    await exited;
    removeProfile();
    throw error;
  }
}
