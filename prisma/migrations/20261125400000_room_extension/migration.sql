-- AlterTable
ALTER TABLE "forums" ADD COLUMN     "room_extended_until" TIMESTAMPTZ(3);
