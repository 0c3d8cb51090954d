// Captions of one forum's stage, from inside the room (the captions worker's job): every floor
// voice and every live interpretation channel is transcribed in its language and published back
// into the room as LiveKit transcription text streams (topic `lk.transcription`: interim and
// final segments naming the speaker and the track), and each caption is stored (its latest interim
// text until its final one).
// Which tracks count is decided by the rules every client applies (lib/rooms/interpretation.ts):
// a track named for a channel counts only from the interpreter the server put on duty.
import { AudioStream, ParticipantKind, RoomEvent, TrackKind, type RemoteParticipant, type RemoteTrackPublication, type Room } from "@livekit/rtc-node";
import { classifyAudio, type Channel } from "@/lib/rooms/interpretation";
import { ENGINE_RATE, type CaptionEngine, type EngineCaption } from "./engine";
import type { KeptCaption } from "./store";
import { captionAttributes, TRANSCRIPTION_TOPIC } from "./wire";

/** A gap in a track's audio longer than this is filled with quiet, so the engine's clock stays the wall clock's. */
const GAP_MS = 100;
/** At most this much quiet is filled at once (a track silent for minutes starts afresh). */
const LONGEST_GAP_MS = 5_000;

interface Feed {
  key: string;
  trackSid: string;
  speaker: string;
  channel: Channel;
  engineChannel: number;
  /** Wall-clock instant of the engine channel's first sample. */
  openedAt: number;
  /** Samples given to the engine so far. */
  samples: number;
  stop: () => void;
}

export interface RoomCaptionsOptions {
  room: Room;
  engine: CaptionEngine;
  /** Keeps a caption, interim or final (lib/captions/store.ts in the worker). */
  store: (caption: KeptCaption) => Promise<unknown>;
  now?: () => number;
  log?: (message: string, error?: unknown) => void;
}

export class RoomCaptions {
  private readonly feeds = new Map<string, Feed>();
  private readonly byEngineChannel = new Map<number, Feed>();
  private readonly now: () => number;
  private readonly log: (message: string, error?: unknown) => void;
  private readonly pending = new Set<Promise<unknown>>();
  private stopped = false;

  constructor(private readonly options: RoomCaptionsOptions) {
    this.now = options.now ?? Date.now;
    this.log = options.log ?? ((m, e) => console.error(`[captions] ${m}`, e ?? ""));
  }

  start(): void {
    const { room, engine } = this.options;
    const reconcile = () => this.reconcile();
    for (const event of [
      RoomEvent.TrackSubscribed,
      RoomEvent.TrackUnsubscribed,
      RoomEvent.TrackMuted,
      RoomEvent.TrackUnmuted,
      RoomEvent.ParticipantAttributesChanged,
      RoomEvent.ParticipantDisconnected,
    ]) {
      room.on(event, reconcile);
    }
    engine.on("caption", (c) => this.onCaption(c));
    engine.on("closed", (channel) => this.byEngineChannel.delete(channel));
    this.reconcile();
  }

  /** Stops every feed; their last words become final captions, published and stored before this resolves. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const feed of [...this.feeds.values()]) this.endFeed(feed);
    await this.options.engine.stop();
    await Promise.allSettled([...this.pending]);
  }

  /** The feeds the room's state calls for: one per subscribed floor or on-duty channel track. */
  private reconcile(): void {
    if (this.stopped) return;
    const people = [...this.options.room.remoteParticipants.values()].filter((p) => p.kind !== ParticipantKind.AGENT && p.kind !== ParticipantKind.EGRESS);
    const audio = people.flatMap((p) => [...p.trackPublications.values()].filter((pub) => pub.kind === TrackKind.KIND_AUDIO && pub.sid).map((pub) => ({ pub, participant: p })));
    const kinds = classifyAudio(
      audio.map(({ pub, participant }) => ({ trackSid: pub.sid!, participantIdentity: participant.identity, trackName: pub.name ?? "", muted: !!pub.muted })),
      people.map((p) => ({ identity: p.identity, attributes: p.attributes })),
    );
    const wanted = new Map<string, { pub: RemoteTrackPublication; participant: RemoteParticipant; channel: Channel }>();
    for (const { pub, participant } of audio) {
      const kind = kinds.get(pub.sid!);
      if (!pub.track || !kind || kind.kind === "ignored") continue;
      wanted.set(pub.sid!, { pub, participant, channel: kind.kind === "floor" ? "floor" : kind.language });
    }
    for (const feed of [...this.feeds.values()]) {
      const want = wanted.get(feed.trackSid);
      if (!want || want.channel !== feed.channel) this.endFeed(feed);
    }
    for (const [sid, want] of wanted) if (!this.feeds.has(sid)) this.startFeed(want.pub, want.participant, want.channel);
  }

  private startFeed(pub: RemoteTrackPublication, participant: RemoteParticipant, channel: Channel): void {
    const { engine } = this.options;
    // The floor's language is whatever the speaker speaks: the engine detects it per utterance.
    const engineChannel = engine.open(channel === "floor" ? null : channel);
    const openedAt = this.now();
    const stream = new AudioStream(pub.track!, { sampleRate: ENGINE_RATE, numChannels: 1 });
    const reader = stream.getReader();
    const feed: Feed = {
      key: `${pub.sid}.${openedAt.toString(36)}`,
      trackSid: pub.sid!,
      speaker: participant.identity,
      channel,
      engineChannel,
      openedAt,
      samples: 0,
      stop: () => void reader.cancel().catch(() => undefined),
    };
    this.feeds.set(feed.trackSid, feed);
    this.byEngineChannel.set(engineChannel, feed);
    void (async () => {
      try {
        for (;;) {
          const { value: frame, done } = await reader.read();
          if (done || this.feeds.get(feed.trackSid) !== feed) break;
          this.fillGap(feed);
          engine.push(engineChannel, frame.data);
          feed.samples += frame.samplesPerChannel;
        }
      } catch (err) {
        this.log(`audio of ${feed.trackSid} stopped`, err);
      }
    })();
  }

  /** Quiet for the time a track sent nothing (muted, or a network pause), so captions keep their instants. */
  private fillGap(feed: Feed): void {
    const behind = this.now() - (feed.openedAt + (feed.samples * 1000) / ENGINE_RATE);
    if (behind <= GAP_MS) return;
    const samples = Math.round((Math.min(behind, LONGEST_GAP_MS) * ENGINE_RATE) / 1000);
    if (behind > LONGEST_GAP_MS) feed.openedAt += behind - LONGEST_GAP_MS;
    this.options.engine.push(feed.engineChannel, new Int16Array(samples));
    feed.samples += samples;
  }

  private endFeed(feed: Feed): void {
    this.feeds.delete(feed.trackSid);
    feed.stop();
    this.options.engine.close(feed.engineChannel);
  }

  private onCaption(c: EngineCaption): void {
    const feed = this.byEngineChannel.get(c.channel);
    if (!feed) return;
    const startsAt = new Date(feed.openedAt + c.start * 1000);
    const endsAt = new Date(feed.openedAt + c.end * 1000);
    const segmentKey = `${feed.key}.${c.segment}`;
    // Published to the room and stored independently: a room already closed still keeps its last words.
    const roomName = this.options.room.name ?? "";
    const work = [
      this.publish(feed, c, segmentKey, startsAt, endsAt),
      this.options.store({ roomName, segmentKey, final: c.final, channel: feed.channel, language: c.language, speakerIdentity: feed.speaker, text: c.text, startsAt, endsAt }),
    ];
    for (const w of work) {
      const tracked: Promise<unknown> = w.catch((err) => this.log(`caption ${segmentKey} not delivered`, err)).finally(() => this.pending.delete(tracked));
      this.pending.add(tracked);
    }
  }

  private async publish(feed: Feed, c: EngineCaption, segmentKey: string, startsAt: Date, endsAt: Date): Promise<void> {
    const participant = this.options.room.localParticipant;
    if (!participant || !this.options.room.isConnected) return;
    const writer = await participant.streamText({
      // As the worker itself (see wire.ts: on the speaker's behalf no client could tell it from a forgery).
      topic: TRANSCRIPTION_TOPIC,
      attributes: captionAttributes({ segmentId: segmentKey, final: c.final, trackSid: feed.trackSid, channel: feed.channel, speaker: feed.speaker, language: c.language, startsAt, endsAt }),
    });
    await writer.write(c.text);
    await writer.close();
  }
}
