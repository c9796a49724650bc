import { NextResponse, type NextRequest } from "next/server";

import { pageContentSecurityPolicy } from "@/lib/security-headers";

/**
 * Gives each page its Content-Security-Policy with a fresh nonce. Next.js
 * reads the nonce from the request's policy header while it renders (pages
 * are rendered per request: see app/layout.tsx) and writes it on its scripts.
 */
export function proxy(request: NextRequest): NextResponse {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString("base64");
  const policy = pageContentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  const headers = new Headers(request.headers);
  headers.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  matcher: [
    {
      // API answers have a fixed policy (next.config.ts); built files and prefetches are not pages.
      source: "/((?!api/|_next/static/|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
