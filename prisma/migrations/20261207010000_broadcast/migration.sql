-- CreateEnum
CREATE TYPE "BroadcastAudience" AS ENUM ('public', 'registered');

-- CreateEnum
CREATE TYPE "BroadcastStatus" AS ENUM ('starting', 'live', 'stopping', 'ended', 'failed');

-- CreateEnum
CREATE TYPE "BroadcastOutputStatus" AS ENUM ('starting', 'active', 'ending', 'complete', 'failed');

-- CreateTable
CREATE TABLE "broadcast_settings" (
    "forum_id" TEXT NOT NULL,
    "webrtc" BOOLEAN NOT NULL DEFAULT true,
    "hls" BOOLEAN NOT NULL DEFAULT true,
    "audience" "BroadcastAudience" NOT NULL DEFAULT 'registered',
    "backstage" BOOLEAN NOT NULL DEFAULT false,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "broadcast_settings_pkey" PRIMARY KEY ("forum_id")
);

-- CreateTable
CREATE TABLE "broadcasts" (
    "id" TEXT NOT NULL,
    "forum_id" TEXT NOT NULL,
    "status" "BroadcastStatus" NOT NULL DEFAULT 'starting',
    "storage" TEXT NOT NULL DEFAULT 'local',
    "prefix" TEXT NOT NULL,
    "started_at" TIMESTAMPTZ(3),
    "ended_at" TIMESTAMPTZ(3),
    "stop_requested_at" TIMESTAMPTZ(3),
    "error" TEXT,
    "created_by_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "broadcasts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "broadcast_renditions" (
    "id" TEXT NOT NULL,
    "broadcast_id" TEXT NOT NULL,
    "language" "Language",
    "name" TEXT NOT NULL,
    "egress_id" TEXT,
    "status" "BroadcastOutputStatus" NOT NULL DEFAULT 'starting',
    "started_at" TIMESTAMPTZ(3),
    "ended_at" TIMESTAMPTZ(3),
    "error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "broadcast_renditions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "restream_destinations" (
    "id" TEXT NOT NULL,
    "forum_id" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "key_ciphertext" TEXT NOT NULL,
    "key_hint" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "created_by_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "restream_destinations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "restreams" (
    "id" TEXT NOT NULL,
    "broadcast_id" TEXT NOT NULL,
    "destination_id" TEXT,
    "egress_id" TEXT,
    "status" "BroadcastOutputStatus" NOT NULL DEFAULT 'starting',
    "started_at" TIMESTAMPTZ(3),
    "ended_at" TIMESTAMPTZ(3),
    "error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "restreams_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "broadcasts_forum_id_status_idx" ON "broadcasts"("forum_id", "status");

-- CreateIndex
CREATE UNIQUE INDEX "broadcast_renditions_egress_id_key" ON "broadcast_renditions"("egress_id");

-- CreateIndex
CREATE UNIQUE INDEX "broadcast_renditions_broadcast_id_name_key" ON "broadcast_renditions"("broadcast_id", "name");

-- CreateIndex
CREATE INDEX "restream_destinations_forum_id_idx" ON "restream_destinations"("forum_id");

-- CreateIndex
CREATE UNIQUE INDEX "restreams_egress_id_key" ON "restreams"("egress_id");

-- CreateIndex
CREATE UNIQUE INDEX "restreams_broadcast_id_destination_id_key" ON "restreams"("broadcast_id", "destination_id");

-- AddForeignKey
ALTER TABLE "broadcast_settings" ADD CONSTRAINT "broadcast_settings_forum_id_fkey" FOREIGN KEY ("forum_id") REFERENCES "forums"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "broadcasts" ADD CONSTRAINT "broadcasts_forum_id_fkey" FOREIGN KEY ("forum_id") REFERENCES "forums"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "broadcasts" ADD CONSTRAINT "broadcasts_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "broadcast_renditions" ADD CONSTRAINT "broadcast_renditions_broadcast_id_fkey" FOREIGN KEY ("broadcast_id") REFERENCES "broadcasts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "restream_destinations" ADD CONSTRAINT "restream_destinations_forum_id_fkey" FOREIGN KEY ("forum_id") REFERENCES "forums"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "restream_destinations" ADD CONSTRAINT "restream_destinations_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "restreams" ADD CONSTRAINT "restreams_broadcast_id_fkey" FOREIGN KEY ("broadcast_id") REFERENCES "broadcasts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "restreams" ADD CONSTRAINT "restreams_destination_id_fkey" FOREIGN KEY ("destination_id") REFERENCES "restream_destinations"("id") ON DELETE SET NULL ON UPDATE CASCADE;
