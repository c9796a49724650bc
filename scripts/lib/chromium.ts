import { createRequire } from "node:module";

import type { Browser } from "playwright-core";

/**
 * Debian's Chromium (or CHROMIUM_PATH), headless, with nothing that reaches
 * beyond localhost. Playwright is loaded here, on first use, as what it is (a
 * CommonJS package): loading it takes about half a second, which an SVG
 * export need not spend, and import() would add a quarter of a second more
 * to scan its whole bundle for named exports.
 */
export async function launchChromium(): Promise<Browser> {
  const { chromium } = createRequire(import.meta.url)("playwright-core") as typeof import("playwright-core");
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
}
