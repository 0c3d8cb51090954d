-- Live captions: each final caption the captions worker heard on a forum's stage.
-- CreateTable
CREATE TABLE "caption_segments" (
    "id" TEXT NOT NULL,
    "forum_id" TEXT NOT NULL,
    "segment_key" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "speaker_identity" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "caption_segments_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "caption_segments_forum_id_segment_key_key" ON "caption_segments"("forum_id", "segment_key");

-- CreateIndex
CREATE INDEX "caption_segments_forum_id_channel_starts_at_idx" ON "caption_segments"("forum_id", "channel", "starts_at");

-- AddForeignKey
ALTER TABLE "caption_segments" ADD CONSTRAINT "caption_segments_forum_id_fkey" FOREIGN KEY ("forum_id") REFERENCES "forums"("id") ON DELETE CASCADE ON UPDATE CASCADE;
