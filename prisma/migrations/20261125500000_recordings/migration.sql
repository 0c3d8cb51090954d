-- CreateEnum
CREATE TYPE "RecordingOrigin" AS ENUM ('egress', 'upload');

-- AlterTable
ALTER TABLE "forums" ADD COLUMN     "auto_record" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable: interpretation channels move to recording_audio (no rows had a language yet)
ALTER TABLE "recordings" DROP COLUMN "language",
ADD COLUMN     "origin" "RecordingOrigin" NOT NULL DEFAULT 'egress',
ADD COLUMN     "file_name" TEXT,
ADD COLUMN     "stop_requested_at" TIMESTAMPTZ(3),
ADD COLUMN     "missing_at" TIMESTAMPTZ(3),
ADD COLUMN     "chapters_edited" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "created_by_id" TEXT;

-- CreateTable
CREATE TABLE "recording_audio" (
    "id" TEXT NOT NULL,
    "recording_id" TEXT NOT NULL,
    "language" "Language" NOT NULL,
    "egress_id" TEXT,
    "status" "RecordingStatus" NOT NULL DEFAULT 'starting',
    "storage" TEXT NOT NULL DEFAULT 'local',
    "location" TEXT,
    "mime_type" TEXT,
    "duration_ms" INTEGER,
    "size_bytes" BIGINT,
    "started_at" TIMESTAMPTZ(3),
    "ended_at" TIMESTAMPTZ(3),
    "error" TEXT,
    "missing_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "recording_audio_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "subtitles" (
    "id" TEXT NOT NULL,
    "recording_id" TEXT NOT NULL,
    "language" "Language" NOT NULL,
    "file_name" TEXT NOT NULL,
    "vtt" TEXT NOT NULL,
    "cue_count" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "subtitles_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "recording_audio_egress_id_key" ON "recording_audio"("egress_id");

-- CreateIndex
CREATE INDEX "recording_audio_recording_id_idx" ON "recording_audio"("recording_id");

-- CreateIndex
CREATE UNIQUE INDEX "subtitles_recording_id_language_key" ON "subtitles"("recording_id", "language");

-- CreateIndex
CREATE INDEX "chapters_session_id_idx" ON "chapters"("session_id");

-- AddForeignKey
ALTER TABLE "recordings" ADD CONSTRAINT "recordings_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "recording_audio" ADD CONSTRAINT "recording_audio_recording_id_fkey" FOREIGN KEY ("recording_id") REFERENCES "recordings"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "subtitles" ADD CONSTRAINT "subtitles_recording_id_fkey" FOREIGN KEY ("recording_id") REFERENCES "recordings"("id") ON DELETE CASCADE ON UPDATE CASCADE;
