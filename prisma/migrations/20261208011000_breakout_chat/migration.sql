-- Chat per room: a message said in a breakout room belongs to that room (its history, its
-- broadcast), and keeps the room's title so the organizers' export still says where it was said
-- after the room is deleted (the id is then set null; the title keeps it out of the stage's chat).

-- AlterTable
ALTER TABLE "chat_messages" ADD COLUMN     "breakout_id" TEXT,
ADD COLUMN     "breakout_title" JSONB;

-- CreateIndex
CREATE INDEX "chat_messages_breakout_id_created_at_idx" ON "chat_messages"("breakout_id", "created_at");

-- AddForeignKey
ALTER TABLE "chat_messages" ADD CONSTRAINT "chat_messages_breakout_id_fkey" FOREIGN KEY ("breakout_id") REFERENCES "breakouts"("id") ON DELETE SET NULL ON UPDATE CASCADE;
