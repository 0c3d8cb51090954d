// Next.js configuration: next-intl's request config, and nothing that downloads at build time.
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // Tests build into their own folder so a running `npm start` keeps serving its build.
  distDir: process.env.PLENARY_DIST_DIR ?? ".next",
  poweredByHeader: false,
  serverExternalPackages: ["pg", "@prisma/adapter-pg"],
};

export default withNextIntl(nextConfig);
