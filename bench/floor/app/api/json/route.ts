// GET /api/json — a route handler answering JSON from memory, run on every request: the body is
// written once, at module load, about the size of the seeded agenda's JSON (20 KB: 24 sessions; the agenda's is 18–19 KB for 23).
export const dynamic = "force-dynamic";

const title = (s: string) => ({ ko: `${s} (ko)`, zh: `${s} (zh)`, en: s });
const BODY = JSON.stringify({
  event: { slug: "floor", title: title("Floor"), timeZone: "Asia/Seoul" },
  forums: Array.from({ length: 4 }, (_, f) => ({
    id: `forum-${f}`,
    slug: `forum-${f}`,
    title: title(`Forum ${f}`),
    startsAt: "2021-11-22T00:30:00.000Z",
    endsAt: "2021-11-22T08:30:00.000Z",
    sessions: Array.from({ length: 6 }, (_, s) => ({
      id: `session-${f}-${s}`,
      title: title(`Session ${s} of forum ${f}, on clean skies and the air we share`),
      startsAt: "2021-11-22T00:30:00.000Z",
      endsAt: "2021-11-22T01:30:00.000Z",
      language: "ko",
      status: "scheduled",
      speakers: Array.from({ length: 1 }, (_, p) => ({
        name: title(`Speaker ${p}`),
        affiliation: title("A university of somewhere far away"),
        bio: title("Works on air quality, policy and the long road between them."),
      })),
    })),
  })),
});

export function GET() {
  return new Response(BODY, { headers: { "content-type": "application/json" } });
}
