-- Subtitles made from the live captions when a recording became ready, as opposed to uploads.
-- AlterTable
ALTER TABLE "subtitles" ADD COLUMN "automatic" BOOLEAN NOT NULL DEFAULT false;
