import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

// Which code may import which: the browser never loads server modules, the server and scripts never
// load browser modules, and the pure domain in lib/ depends on neither (nor on React or the framework).
const serverOnly = { regex: String.raw`^(@/|(\.\./)+|\./)(lib/)?server(/|$)|(^|/)lib/server(/|$)`, message: "Server-only code (lib/server) is never imported by browser code or the pure domain." };
const browserOnly = { regex: String.raw`^(@/|(\.\./)+|\./)(lib/)?client(/|$)|(^|/)lib/client(/|$)`, message: "Browser code (lib/client) is never imported by server code, scripts or the pure domain." };
const framework = { group: ["react", "react-dom", "react/*", "react-dom/*", "@xyflow/*", "next", "next/*", "zustand", "zustand/*"], message: "The pure domain in lib/ is free of React, React Flow and Next.js." };
const boundaries = [
  { files: ["components/**/*.{ts,tsx}", "lib/client/**/*.{ts,tsx}"], rules: { "no-restricted-imports": ["error", { patterns: [serverOnly] }] } },
  { files: ["lib/server/**/*.ts", "app/api/**/*.ts", "scripts/**/*.ts", "prisma/**/*.ts"], rules: { "no-restricted-imports": ["error", { patterns: [browserOnly] }] } },
  {
    files: ["lib/**/*.{ts,tsx}"],
    ignores: ["lib/server/**", "lib/client/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [serverOnly, browserOnly, framework] }] },
  },
];

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  ...boundaries,
  { ignores: [".next/**", "node_modules/**", ".data*/**", "test-results/**", "playwright-report/**", "next-env.d.ts"] },
];

export default config;
