-- My agenda: sessions a person saves, and the reminder mails sent before they start.

-- AlterTable: minutes before a session its reminder goes out; NULL = the deployment's default
-- (REMINDER_LEAD_MINUTES), 0 = no reminders.
ALTER TABLE "users" ADD COLUMN     "reminder_minutes" INTEGER;

-- CreateTable
CREATE TABLE "bookmarks" (
    "user_id" TEXT NOT NULL,
    "session_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "bookmarks_pkey" PRIMARY KEY ("user_id","session_id")
);

-- CreateTable: one row per reminder an instance claimed; the unique key lets exactly one instance
-- claim it, and a session moved to another time is reminded again for its new start.
CREATE TABLE "session_reminders" (
    "id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "session_id" TEXT NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "claimed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMPTZ(3),

    CONSTRAINT "session_reminders_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "bookmarks_session_id_idx" ON "bookmarks"("session_id");

-- CreateIndex
CREATE UNIQUE INDEX "session_reminders_user_id_session_id_starts_at_key" ON "session_reminders"("user_id", "session_id", "starts_at");

-- CreateIndex
CREATE INDEX "session_reminders_session_id_idx" ON "session_reminders"("session_id");

-- AddForeignKey
ALTER TABLE "bookmarks" ADD CONSTRAINT "bookmarks_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "bookmarks" ADD CONSTRAINT "bookmarks_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "sessions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "session_reminders" ADD CONSTRAINT "session_reminders_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "session_reminders" ADD CONSTRAINT "session_reminders_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "sessions"("id") ON DELETE CASCADE ON UPDATE CASCADE;
