// The captions worker's job in one forum's stage room (LiveKit Agents): connect subscribing to
// audio only, start the speech engine (started again if it dies), caption until the room ends. Run by scripts/captions-worker.ts.
import { AutoSubscribe, defineAgent, type JobContext } from "@livekit/agents";
import { getEnv } from "@/lib/env";
import { parseRoomName } from "@/lib/rooms/room-name";
import { RoomCaptions } from "./room-captions";
import { storeCaption } from "./store";
import { SupervisedEngine } from "./supervised-engine";

export default defineAgent({
  entry: async (ctx: JobContext) => {
    // Only a forum's stage is captioned: backstage, breakout rooms and meetings are private talk.
    if (parseRoomName(ctx.job.room?.name ?? "").kind !== "stage") {
      ctx.shutdown("not a forum's stage");
      return;
    }
    const env = getEnv();
    if (!env.CAPTIONS_MODEL_DIR) throw new Error("CAPTIONS_MODEL_DIR is not set: the captions worker needs a Whisper model folder");
    const engine = await SupervisedEngine.start({ python: env.CAPTIONS_PYTHON, modelDir: env.CAPTIONS_MODEL_DIR, threads: env.CAPTIONS_THREADS });
    await ctx.connect(undefined, AutoSubscribe.AUDIO_ONLY);
    const captions = new RoomCaptions({ room: ctx.room, engine, store: storeCaption });
    ctx.addShutdownCallback(() => captions.stop());
    captions.start();
  },
});
