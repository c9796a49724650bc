import type { Browser } from "playwright-core";

/**
 * Debian's Chromium (or CHROMIUM_PATH), headless, with nothing that reaches
 * beyond localhost. Playwright is loaded here, on first use: loading it takes
 * half a second, which an SVG export does not need to spend.
 */
export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import("playwright-core");
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
}
