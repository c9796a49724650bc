/**
 * The security headers of every answer. Pages get a Content-Security-Policy
 * with a fresh nonce per request (proxy.ts), which Next.js puts on its own
 * scripts; everything else gets a fixed policy here (next.config.ts).
 */

/** On every answer, static files included. */
export const SECURITY_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  // Links to cited sources tell those sites that a reader came from here, never which debate or statement.
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
];

/** API answers and downloads (JSON, SVG, CSV) are data: opened on their own, they may load and run nothing. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * A page's policy. Scripts only from the app itself and the inline ones
 * Next.js writes with this request's nonce, so an injected script runs
 * nowhere. Styles likewise, but for style attributes: React renders `style`
 * props (team colours; Next.js's built-in error page) as attributes in the
 * server's HTML, and hydration never
 * writes them again, so blocking them would leave those elements unstyled.
 * What the browser renders later (React Flow's positions and sizes) is set
 * through the DOM, which the policy does not restrict. A style attribute
 * cannot run script, and img-src keeps it from loading anything from another
 * site.
 * Images: the app's own, and the data: and blob: URLs of the PNG export, which
 * draws the map's SVG on a canvas in the page. No upgrade-insecure-requests:
 * a classroom may reach the app by plain http on its local network.
 */
export function pageContentSecurityPolicy(nonce: string, development: boolean): string {
  return [
    "default-src 'self'",
    // React's development build rebuilds error stacks with eval.
    `script-src 'self' 'nonce-${nonce}'${development ? " 'unsafe-eval'" : ""}`,
    // The development server inserts style elements of its own, without the nonce.
    `style-src 'self' ${development ? "'unsafe-inline'" : `'nonce-${nonce}'`}`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}
