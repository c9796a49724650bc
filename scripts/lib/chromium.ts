import { chromium, type Browser } from "playwright-core";

/** Debian's Chromium (or CHROMIUM_PATH), headless, with nothing that reaches beyond localhost. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
}
