import type { CSSProperties, ReactNode } from "react";

import type { Metadata } from "next";
import { connection } from "next/server";

import { paletteProperties } from "@/lib/palette";

import "@xyflow/react/dist/style.css";
import "./globals.css";

export const metadata: Metadata = {
  title: "Argument maps",
  description: "Contested articles as argument maps: what each side argues, and from which perspective each source comes.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page is rendered per request, so that Next.js can put this request's CSP nonce (proxy.ts) on its scripts.
  await connection();
  return (
    <html lang="en" style={paletteProperties() as CSSProperties}>
      <body>{children}</body>
    </html>
  );
}
