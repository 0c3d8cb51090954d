-- Moderated Q&A and live polls of a session.

-- CreateEnum
CREATE TYPE "QaModeration" AS ENUM ('open', 'approve');

-- CreateEnum
CREATE TYPE "QaBoundary" AS ENUM ('stay', 'next');

-- CreateEnum
CREATE TYPE "QuestionStatus" AS ENUM ('pending', 'approved', 'dismissed', 'answered', 'withdrawn');

-- CreateEnum
CREATE TYPE "PollStatus" AS ENUM ('draft', 'open', 'closed');

-- CreateTable: how an event moderates questions; an event without a row is open.
CREATE TABLE "qa_settings" (
    "event_id" TEXT NOT NULL,
    "moderation" "QaModeration" NOT NULL DEFAULT 'open',
    "boundary" "QaBoundary" NOT NULL DEFAULT 'stay',
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "qa_settings_pkey" PRIMARY KEY ("event_id")
);

-- CreateTable
CREATE TABLE "questions" (
    "id" TEXT NOT NULL,
    "session_id" TEXT NOT NULL,
    "user_id" TEXT,
    "body" TEXT NOT NULL,
    "language" "Language" NOT NULL,
    "anonymous" BOOLEAN NOT NULL DEFAULT false,
    "status" "QuestionStatus" NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "questions_pkey" PRIMARY KEY ("id")
);

-- CreateTable: one vote per person per question, by the primary key.
CREATE TABLE "question_votes" (
    "question_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "question_votes_pkey" PRIMARY KEY ("question_id","user_id")
);

-- CreateTable: the texts organizers' edits replaced.
CREATE TABLE "question_edits" (
    "id" TEXT NOT NULL,
    "question_id" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "edited_by_id" TEXT,
    "edited_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "question_edits_pkey" PRIMARY KEY ("id")
);

-- CreateTable: the question a session answers now, at most one per session.
CREATE TABLE "question_pins" (
    "session_id" TEXT NOT NULL,
    "question_id" TEXT NOT NULL,
    "pinned_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "question_pins_pkey" PRIMARY KEY ("session_id")
);

-- CreateTable
CREATE TABLE "polls" (
    "id" TEXT NOT NULL,
    "session_id" TEXT NOT NULL,
    "question" JSONB NOT NULL,
    "options" JSONB NOT NULL,
    "multiple" BOOLEAN NOT NULL DEFAULT false,
    "timer_seconds" INTEGER,
    "status" "PollStatus" NOT NULL DEFAULT 'draft',
    "revealed" BOOLEAN NOT NULL DEFAULT false,
    "position" INTEGER NOT NULL DEFAULT 0,
    "opened_at" TIMESTAMPTZ(3),
    "closed_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "polls_pkey" PRIMARY KEY ("id")
);

-- CreateTable: one answer per person per poll, by the primary key.
CREATE TABLE "poll_votes" (
    "poll_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "choices" TEXT[],
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "poll_votes_pkey" PRIMARY KEY ("poll_id","user_id")
);

-- CreateIndex
CREATE INDEX "questions_session_id_created_at_idx" ON "questions"("session_id", "created_at");

-- CreateIndex
CREATE INDEX "question_votes_user_id_idx" ON "question_votes"("user_id");

-- CreateIndex
CREATE INDEX "question_edits_question_id_edited_at_idx" ON "question_edits"("question_id", "edited_at");

-- CreateIndex
CREATE UNIQUE INDEX "question_pins_question_id_key" ON "question_pins"("question_id");

-- CreateIndex
CREATE INDEX "polls_session_id_position_idx" ON "polls"("session_id", "position");

-- CreateIndex
CREATE INDEX "poll_votes_user_id_idx" ON "poll_votes"("user_id");

-- AddForeignKey
ALTER TABLE "qa_settings" ADD CONSTRAINT "qa_settings_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "questions" ADD CONSTRAINT "questions_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "sessions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "questions" ADD CONSTRAINT "questions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "question_votes" ADD CONSTRAINT "question_votes_question_id_fkey" FOREIGN KEY ("question_id") REFERENCES "questions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "question_votes" ADD CONSTRAINT "question_votes_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "question_edits" ADD CONSTRAINT "question_edits_question_id_fkey" FOREIGN KEY ("question_id") REFERENCES "questions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "question_edits" ADD CONSTRAINT "question_edits_edited_by_id_fkey" FOREIGN KEY ("edited_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "question_pins" ADD CONSTRAINT "question_pins_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "sessions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "question_pins" ADD CONSTRAINT "question_pins_question_id_fkey" FOREIGN KEY ("question_id") REFERENCES "questions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "polls" ADD CONSTRAINT "polls_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "sessions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "poll_votes" ADD CONSTRAINT "poll_votes_poll_id_fkey" FOREIGN KEY ("poll_id") REFERENCES "polls"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "poll_votes" ADD CONSTRAINT "poll_votes_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
