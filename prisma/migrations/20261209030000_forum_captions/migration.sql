-- Live captions per forum: organizers may turn them off (on by default).
-- AlterTable
ALTER TABLE "forums" ADD COLUMN "captions" BOOLEAN NOT NULL DEFAULT true;
