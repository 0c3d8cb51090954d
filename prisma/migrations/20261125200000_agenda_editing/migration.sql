-- CreateEnum
CREATE TYPE "SpeakerRole" AS ENUM ('speaker', 'moderator', 'interpreter');

-- AlterTable
ALTER TABLE "events" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "forums" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "sessions" ADD COLUMN     "ended_at" TIMESTAMPTZ(3),
ADD COLUMN     "live_at" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "session_speakers" ADD COLUMN     "role" "SpeakerRole" NOT NULL DEFAULT 'speaker';

-- AlterTable
ALTER TABLE "materials" ADD COLUMN     "storage" TEXT NOT NULL DEFAULT 'local';

-- CreateTable
CREATE TABLE "agenda_publications" (
    "id" TEXT NOT NULL,
    "event_id" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "snapshot" JSONB NOT NULL,
    "published_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "published_by_id" TEXT,

    CONSTRAINT "agenda_publications_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "agenda_publications_event_id_version_key" ON "agenda_publications"("event_id", "version");

-- AddForeignKey
ALTER TABLE "agenda_publications" ADD CONSTRAINT "agenda_publications_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agenda_publications" ADD CONSTRAINT "agenda_publications_published_by_id_fkey" FOREIGN KEY ("published_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
