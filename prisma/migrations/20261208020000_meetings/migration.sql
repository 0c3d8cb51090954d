-- One-to-one meetings between an event's registered people, and who may hold them per event.

-- CreateEnum
CREATE TYPE "MeetingPolicy" AS ENUM ('off', 'delegates', 'everyone');

-- CreateEnum
CREATE TYPE "MeetingStatus" AS ENUM ('requested', 'accepted', 'declined', 'cancelled');

-- AlterTable
ALTER TABLE "events" ADD COLUMN     "meeting_policy" "MeetingPolicy" NOT NULL DEFAULT 'everyone';

-- CreateTable
CREATE TABLE "meetings" (
    "id" TEXT NOT NULL,
    "event_id" TEXT NOT NULL,
    "requester_id" TEXT NOT NULL,
    "invitee_id" TEXT NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "status" "MeetingStatus" NOT NULL DEFAULT 'requested',
    "sequence" INTEGER NOT NULL DEFAULT 0,
    "decided_at" TIMESTAMPTZ(3),
    "cancelled_by_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "meetings_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "meetings_event_id_requester_id_status_idx" ON "meetings"("event_id", "requester_id", "status");

-- CreateIndex
CREATE INDEX "meetings_event_id_invitee_id_status_idx" ON "meetings"("event_id", "invitee_id", "status");

-- AddForeignKey
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_requester_id_fkey" FOREIGN KEY ("requester_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_invitee_id_fkey" FOREIGN KEY ("invitee_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
