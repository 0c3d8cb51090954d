// The floor's Next configuration: Next's defaults. bench/floor.ts builds a copy of this folder
// under .data/ (node_modules found by walking up to the repo's) with `next build --webpack`:
// Turbopack, given a root above the repo (needed when node_modules links elsewhere, as in a git
// worktree), took the repo's own proxy.ts and instrumentation.ts into the floor's build.

/** @type {import('next').NextConfig} */
const config = {
  typescript: { ignoreBuildErrors: true },
};

export default config;
