// Stands in for "server-only" in tests: the real package throws when imported outside a React Server Component.
export {};
