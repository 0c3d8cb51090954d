-- Breakout rooms under a forum: the rooms, who is in which, the forum's run (open/closing with
-- their instants), and attendance per breakout.
-- CreateEnum
CREATE TYPE "BreakoutMode" AS ENUM ('assigned', 'choose');

-- CreateEnum
CREATE TYPE "BreakoutStatus" AS ENUM ('closed', 'open', 'closing');

-- AlterTable
ALTER TABLE "attendances" ADD COLUMN     "breakout_id" TEXT;

-- CreateTable
CREATE TABLE "breakout_runs" (
    "forum_id" TEXT NOT NULL,
    "mode" "BreakoutMode" NOT NULL DEFAULT 'assigned',
    "status" "BreakoutStatus" NOT NULL DEFAULT 'closed',
    "opens_at" TIMESTAMPTZ(3),
    "closes_at" TIMESTAMPTZ(3),
    "message" TEXT,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "breakout_runs_pkey" PRIMARY KEY ("forum_id")
);

-- CreateTable
CREATE TABLE "breakouts" (
    "id" TEXT NOT NULL,
    "forum_id" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "title" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "breakouts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "breakout_assignments" (
    "forum_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "breakout_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "breakout_assignments_pkey" PRIMARY KEY ("forum_id","user_id")
);

-- CreateIndex
CREATE INDEX "breakouts_forum_id_position_idx" ON "breakouts"("forum_id", "position");

-- CreateIndex
CREATE INDEX "breakout_assignments_breakout_id_idx" ON "breakout_assignments"("breakout_id");

-- CreateIndex
CREATE INDEX "breakout_assignments_user_id_idx" ON "breakout_assignments"("user_id");

-- CreateIndex
CREATE INDEX "attendances_breakout_id_idx" ON "attendances"("breakout_id");

-- AddForeignKey
ALTER TABLE "attendances" ADD CONSTRAINT "attendances_breakout_id_fkey" FOREIGN KEY ("breakout_id") REFERENCES "breakouts"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "breakout_runs" ADD CONSTRAINT "breakout_runs_forum_id_fkey" FOREIGN KEY ("forum_id") REFERENCES "forums"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "breakouts" ADD CONSTRAINT "breakouts_forum_id_fkey" FOREIGN KEY ("forum_id") REFERENCES "forums"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "breakout_assignments" ADD CONSTRAINT "breakout_assignments_forum_id_fkey" FOREIGN KEY ("forum_id") REFERENCES "forums"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "breakout_assignments" ADD CONSTRAINT "breakout_assignments_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "breakout_assignments" ADD CONSTRAINT "breakout_assignments_breakout_id_fkey" FOREIGN KEY ("breakout_id") REFERENCES "breakouts"("id") ON DELETE CASCADE ON UPDATE CASCADE;
