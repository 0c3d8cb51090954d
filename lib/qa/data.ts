// Reads of a session's Q&A for one viewer: what they may see, with the asker's name only where
// seesAsker allows it, decided here on the server for every request.
import "server-only";
import { db } from "@/lib/db";
import { getStageOfSessionOrThrow } from "@/lib/rooms/data";
import type { QaAccess } from "./access";
import { getQaSettings } from "./access";
import { qaOpen, seesAsker, seesQuestion, sortQuestions } from "./rules";
import type { PinnedView, QuestionList, QuestionView } from "./view";

/** The session's questions the viewer may see, most votes first. */
export async function getQuestionList(access: QaAccess, now = new Date()): Promise<QuestionList> {
  const { session, viewer, stage } = access;
  const organizer = !!access.organizer;
  const [rows, settings, pin] = await Promise.all([
    db.question.findMany({
      where: organizer ? { sessionId: session.id } : { sessionId: session.id, OR: [{ status: { in: ["approved", "answered"] } }, { status: "pending", userId: viewer.userId }] },
      select: {
        id: true,
        userId: true,
        body: true,
        language: true,
        anonymous: true,
        status: true,
        createdAt: true,
        user: { select: { name: true, nameLatin: true, email: true } },
        votes: { where: { userId: viewer.userId }, select: { userId: true } },
        edits: { orderBy: { editedAt: "asc" }, select: { body: true, editedAt: true } },
        _count: { select: { votes: true } },
      },
    }),
    getQaSettings(stage.eventId),
    db.questionPin.findUnique({ where: { sessionId: session.id }, select: { questionId: true } }),
  ]);
  const questions: QuestionView[] = rows
    .filter((r) => seesQuestion(viewer, r))
    .map((r) => ({
      id: r.id,
      body: r.body,
      language: r.language,
      anonymous: r.anonymous,
      status: r.status,
      createdAt: r.createdAt.toISOString(),
      votes: r._count.votes,
      voted: r.votes.length > 0,
      mine: r.userId === viewer.userId,
      asker: r.user && seesAsker(viewer, r) ? { name: r.user.name || r.user.nameLatin || r.user.email.split("@")[0], nameLatin: r.user.nameLatin } : null,
      edited: r.edits.length > 0,
      history: organizer ? r.edits.map((e) => ({ body: e.body, editedAt: e.editedAt.toISOString() })) : [],
    }));
  const shown = new Set(questions.map((q) => q.id));
  return {
    sessionId: session.id,
    eventSlug: access.eventSlug,
    moderation: settings.moderation,
    boundary: settings.boundary,
    open: qaOpen(session, now),
    viewer: { organizer },
    pinnedId: pin && shown.has(pin.questionId) ? pin.questionId : null,
    questions: sortQuestions(questions, "votes"),
  };
}

/** The question being answered now in a published session, as anyone may see it (null when none):
 * the recording's layout and the audience read it without an account, so an anonymous asker stays
 * unnamed and a question no longer approved is never shown. NOT_FOUND for a session not published. */
export async function getPinnedQuestion(sessionId: string): Promise<PinnedView | null> {
  await getStageOfSessionOrThrow(sessionId);
  const pin = await db.questionPin.findUnique({
    where: { sessionId },
    select: { question: { select: { id: true, body: true, language: true, anonymous: true, status: true, user: { select: { name: true, nameLatin: true } } } } },
  });
  const q = pin?.question;
  if (!q || q.status !== "approved") return null;
  const name = q.anonymous ? null : q.user?.name || q.user?.nameLatin || null;
  return { id: q.id, body: q.body, language: q.language, asker: name ? { name } : null };
}
