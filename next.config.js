// Next.js configuration: next-intl's request config, and nothing that downloads at build time.
// Security headers of pages are set per request by proxy.ts; API and static files get fixed ones here.
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const common = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
];
// API answers are data, never documents to run: nothing may load from them or frame them, and one
// opened as a page (an uploaded file) runs sandboxed, in an origin of its own. (This header wins
// over a route's own; material and photo downloads had asked for the sandbox themselves.)
const api = [
  ...common,
  { key: "Content-Security-Policy", value: "sandbox; default-src 'none'; frame-ancestors 'none'" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), display-capture=()" },
];
// HSTS only when a TLS-terminating proxy says the browser came over HTTPS (never on plain http).
const overHttps = [{ type: "header", key: "x-forwarded-proto", value: "https" }];
const hsts = [{ key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" }];

// The agenda page is cached for everyone; with a filter in its query string it is rendered for
// that query by the filtered page (lib/agenda/schema.ts AGENDA_FILTER_KEYS; kept in step by a test).
const AGENDA_FILTER_KEYS = ["day", "forum", "lang", "now"];
const agendaRewrites = AGENDA_FILTER_KEYS.map((key) => ({
  source: "/:locale(ko|zh|en)/events/:slug/agenda",
  has: [{ type: "query", key }],
  destination: "/:locale/events/:slug/agenda/filtered",
}));

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // Tests build into their own folder so a running `npm start` keeps serving its build.
  distDir: process.env.PLENARY_DIST_DIR ?? ".next",
  poweredByHeader: false,
  serverExternalPackages: ["pg", "@prisma/adapter-pg"],
  async rewrites() {
    return { beforeFiles: agendaRewrites, afterFiles: [], fallback: [] };
  },
  async headers() {
    return [
      { source: "/api/:path*", headers: api },
      { source: "/_next/:path*", headers: common },
      { source: "/api/:path*", has: overHttps, headers: hsts },
      { source: "/_next/:path*", has: overHttps, headers: hsts },
    ];
  },
};

export default withNextIntl(nextConfig);
