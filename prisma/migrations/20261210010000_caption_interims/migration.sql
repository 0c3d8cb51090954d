-- Live captions keep each utterance's latest interim text until its final one replaces it: the
-- broadcast's HLS subtitles and a late joiner's transcript read what was said so far.
-- AlterTable
ALTER TABLE "caption_segments" ADD COLUMN "final" BOOLEAN NOT NULL DEFAULT true;
