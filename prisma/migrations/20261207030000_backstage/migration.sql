-- Backstage: who an organizer brought on stage from a forum's backstage room.
-- CreateTable
CREATE TABLE "stage_calls" (
    "forum_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "called_by_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "stage_calls_pkey" PRIMARY KEY ("forum_id","user_id")
);

-- CreateIndex
CREATE INDEX "stage_calls_user_id_idx" ON "stage_calls"("user_id");

-- AddForeignKey
ALTER TABLE "stage_calls" ADD CONSTRAINT "stage_calls_forum_id_fkey" FOREIGN KEY ("forum_id") REFERENCES "forums"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "stage_calls" ADD CONSTRAINT "stage_calls_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "stage_calls" ADD CONSTRAINT "stage_calls_called_by_id_fkey" FOREIGN KEY ("called_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
