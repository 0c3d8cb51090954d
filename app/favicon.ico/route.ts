// GET /favicon.ico — browsers ask for it on their own (beside the icon every page links); it is the
// same icon, so the request is never a 404.
export const dynamic = "force-static";

export function GET() {
  return new Response(null, { status: 308, headers: { location: "/icon.svg" } });
}
