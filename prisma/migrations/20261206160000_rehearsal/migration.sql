-- AlterTable
ALTER TABLE "forums" ADD COLUMN     "rehearsal_until" TIMESTAMPTZ(3);
