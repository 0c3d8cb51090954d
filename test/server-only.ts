// Tests run outside Next.js; `server-only` would otherwise refuse to load there.
export {};
