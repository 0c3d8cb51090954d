-- Lobby: people waiting to be admitted to a forum's room, and forums that admit everyone by hand.
-- CreateEnum
CREATE TYPE "LobbyStatus" AS ENUM ('waiting', 'admitted', 'refused');

-- AlterTable
ALTER TABLE "forums" ADD COLUMN "requires_admission" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "lobby_entries" (
    "forum_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "status" "LobbyStatus" NOT NULL DEFAULT 'waiting',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decided_at" TIMESTAMPTZ(3),
    "decided_by_id" TEXT,

    CONSTRAINT "lobby_entries_pkey" PRIMARY KEY ("forum_id","user_id")
);

-- CreateIndex
CREATE INDEX "lobby_entries_user_id_idx" ON "lobby_entries"("user_id");

-- AddForeignKey
ALTER TABLE "lobby_entries" ADD CONSTRAINT "lobby_entries_forum_id_fkey" FOREIGN KEY ("forum_id") REFERENCES "forums"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lobby_entries" ADD CONSTRAINT "lobby_entries_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lobby_entries" ADD CONSTRAINT "lobby_entries_decided_by_id_fkey" FOREIGN KEY ("decided_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
