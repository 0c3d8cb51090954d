// Recordings of the seeded Clean Sky event for the browser tests (e2e/recordings.spec.ts): a
// published, public recording of the "air-pollution" forum — a real 60 s MP4 (H.264 + AAC) with
// one chapter per session, a 中文 interpretation channel that starts 5 s in, and English subtitles —
// and an organizers-only one of "joint-research". Made by scripts/e2e-fixtures.ts; the ids are
// fixed so the spec can name them.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { PrismaClient } from "../lib/generated/prisma/client";
import { audioKey, stageKey } from "../lib/recordings/keys";

export const RECORDING_FIXTURE = {
  slug: "clean-sky-2021",
  seconds: 60,
  chapterSeconds: [0, 15, 30, 45],
  public: { id: "00000000-0000-4000-8000-00000000e201", forum: "air-pollution" },
  organizersOnly: { id: "00000000-0000-4000-8000-00000000e202", forum: "joint-research" },
  channel: { id: "00000000-0000-4000-8000-00000000e203", language: "zh" as const, offsetSeconds: 5, seconds: 50 },
  subtitles: { language: "en" as const, firstCue: "Welcome to the air-pollution forum." },
};

const F = RECORDING_FIXTURE;

const vtt = `WEBVTT

00:00:00.500 --> 00:00:04.000
${F.subtitles.firstCue}

00:00:15.000 --> 00:00:19.000
Emission reduction technologies in Korea.

00:00:30.000 --> 00:00:34.000
Ultra-low-emission flue-gas cleaning.
`;

/**
 * Renders to a temporary name and renames into place, so runs sharing the folder never read half a
 * file. The public recording's video is noisy at 2 Mbit/s (~15 MB): larger than what Chromium
 * buffers ahead with preload="metadata", so a seek far ahead must fetch a later byte range.
 */
async function media(root: string, key: string, seconds: number, kind: "large" | "small" | "audio"): Promise<number> {
  const { findFfmpeg, makeTestVideo } = await import("./egress/stand-in.mjs");
  const file = path.join(root, key);
  const partial = `${file}.partial-${process.pid}`;
  if (kind === "large") {
    const ffmpeg = findFfmpeg();
    if (!ffmpeg) throw new Error("The recordings fixture needs ffmpeg (apt-get install ffmpeg, or set FFMPEG_BIN)");
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const args = [
      "-hide_banner",
      "-loglevel",
      "error",
      "-nostdin",
      "-y",
      "-f",
      "lavfi",
      "-i",
      "testsrc2=size=640x360:rate=15",
      "-f",
      "lavfi",
      "-i",
      "sine=frequency=440:sample_rate=48000",
      "-t",
      String(seconds),
      "-map",
      "0:v",
      "-vf",
      "noise=alls=40:allf=t",
      "-c:v",
      "libx264",
      "-preset",
      "ultrafast",
      "-pix_fmt",
      "yuv420p",
      "-b:v",
      "2M",
      "-maxrate",
      "2M",
      "-bufsize",
      "2M",
      "-map",
      "1:a",
      "-c:a",
      "aac",
      "-b:a",
      "64k",
      "-movflags",
      "+faststart",
      "-f",
      "mp4",
      partial,
    ];
    const run = spawnSync(ffmpeg, args, { encoding: "utf8" });
    if (run.status !== 0) throw new Error(`ffmpeg failed: ${run.stderr.trim().slice(-500)}`);
  } else {
    await makeTestVideo({ file: partial, seconds, audioOnly: kind === "audio", frequency: kind === "audio" ? 660 : 440 });
  }
  fs.renameSync(partial, file);
  return fs.statSync(file).size;
}

async function forumRecording(prisma: PrismaClient, root: string, id: string, forumSlug: string, visibility: "public" | "organizers", size: "large" | "small") {
  const forum = await prisma.forum.findFirstOrThrow({
    where: { slug: forumSlug, event: { slug: F.slug } },
    select: { id: true, startsAt: true, sessions: { orderBy: { startsAt: "asc" }, select: { id: true, title: true } } },
  });
  const sizeBytes = await media(root, stageKey(id), F.seconds, size);
  const startedAt = forum.startsAt;
  await prisma.recording.deleteMany({ where: { id } });
  await prisma.recording.create({
    data: {
      id,
      forumId: forum.id,
      origin: "egress",
      status: "ready",
      storage: "local",
      location: stageKey(id),
      mimeType: "video/mp4",
      durationMs: F.seconds * 1000,
      sizeBytes,
      startedAt,
      endedAt: new Date(startedAt.getTime() + F.seconds * 1000),
      visibility,
      published: true,
      // Written here, not derived from the sessions' times: nothing may recompute them.
      chaptersEdited: true,
      chapters: {
        create: F.chapterSeconds.map((s, i) => ({ sessionId: forum.sessions[i].id, title: forum.sessions[i].title ?? {}, offsetMs: s * 1000 })),
      },
    },
  });
  return { startedAt };
}

export async function createRecordingFixtures(prisma: PrismaClient, root = path.resolve(process.env.RECORDINGS_DIR || ".data/recordings")) {
  const { startedAt } = await forumRecording(prisma, root, F.public.id, F.public.forum, "public", "large");
  await forumRecording(prisma, root, F.organizersOnly.id, F.organizersOnly.forum, "organizers", "small");
  const channelKey = audioKey(F.public.id, F.channel.language, F.channel.id);
  const channelStart = new Date(startedAt.getTime() + F.channel.offsetSeconds * 1000);
  await prisma.recordingAudio.create({
    data: {
      id: F.channel.id,
      recordingId: F.public.id,
      language: F.channel.language,
      status: "ready",
      storage: "local",
      location: channelKey,
      mimeType: "audio/mp4",
      durationMs: F.channel.seconds * 1000,
      sizeBytes: await media(root, channelKey, F.channel.seconds, "audio"),
      startedAt: channelStart,
      endedAt: new Date(channelStart.getTime() + F.channel.seconds * 1000),
    },
  });
  await prisma.subtitle.create({ data: { recordingId: F.public.id, language: F.subtitles.language, fileName: "air-pollution.en.vtt", vtt, cueCount: 3 } });
}
