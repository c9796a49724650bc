import { existsSync } from "node:fs";
import { createRequire } from "node:module";

import type { Browser } from "playwright-core";

const HEADLESS_SHELL = "/usr/bin/chromium-headless-shell";

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

/**
 * Headless Chromium. Playwright is loaded here, on first use, as what it is
 * (a CommonJS package): loading it takes about half a second, which an
 * SVG export need not spend, and import() would add a quarter of a second
 * more to scan its whole bundle for named exports.
 */
export async function launchChromium(): Promise<Browser> {
  const { chromium } = createRequire(import.meta.url)("playwright-core") as typeof import("playwright-core");
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
}
