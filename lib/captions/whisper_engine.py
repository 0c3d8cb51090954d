#!/usr/bin/env python3
"""Plenary's local speech engine: faster-whisper behind a small pipe protocol (lib/captions/engine.ts).

Nothing here reaches the network: the model is a CTranslate2 Whisper folder the operator names
(CAPTIONS_MODEL_DIR), and faster-whisper is told not to look anything up.

stdin, little-endian frames:  u8 type | u16 channel | u32 length | payload
  1 OPEN   payload: JSON {"language": "ko" | "zh" | "en" | null}   (null: detect per utterance)
  2 AUDIO  payload: 16 kHz mono signed 16-bit PCM
  3 CLOSE  payload: empty: the channel's last words become final, then it is forgotten
stdout, one JSON object per line:
  {"ready": true}                                         once the model is loaded
  {"channel": c, "closed": true}                          after a CLOSE's last caption
  {"channel": c, "segment": n, "final": false|true, "text": "...", "language": "ko",
   "start": seconds, "end": seconds}                      times on the channel's own audio clock

Whisper decodes whole windows, not streams: an utterance is re-decoded as it grows (an interim
caption every --interim seconds of new speech, 2 by default) and decoded once more when a pause ends it
(--pause seconds of quiet) or it reaches --longest seconds (the final caption).
"""
import argparse
import json
import os
import queue
import struct
import sys
import threading

os.environ.setdefault("HF_HUB_OFFLINE", "1")

import numpy as np  # noqa: E402
from faster_whisper import WhisperModel  # noqa: E402

RATE = 16000
FRAME = RATE * 30 // 1000  # 30 ms energy frames
OPEN, AUDIO, CLOSE = 1, 2, 3
HEADER = struct.Struct("<BHI")


def emit(obj):
    sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")
    sys.stdout.flush()


class Channel:
    def __init__(self, language):
        self.language = language
        self.samples = np.zeros(0, dtype=np.int16)  # the utterance so far (or trailing quiet)
        self.start = 0  # channel sample index of samples[0]
        self.voiced = 0  # voiced samples in the utterance
        self.quiet = 0  # samples of quiet since the last voiced frame
        self.pending = np.zeros(0, dtype=np.int16)  # audio not yet cut into frames
        self.since_interim = 0
        self.segment = 0
        self.last_text = ""


class Engine:
    def __init__(self, args):
        self.args = args
        self.model = WhisperModel(args.model, device="cpu", compute_type="int8", cpu_threads=args.threads, local_files_only=True)
        self.channels = {}

    def decode(self, ch, samples, final):
        audio = samples.astype(np.float32) / 32768.0
        segments, info = self.model.transcribe(
            audio,
            language=ch.language,
            beam_size=self.args.beam if final else 1,
            temperature=0.0,
            condition_on_previous_text=False,
            vad_filter=False,
            without_timestamps=True,
        )
        text = " ".join(s.text.strip() for s in segments if s.no_speech_prob < 0.8).strip()
        return text, (ch.language or info.language)

    def publish(self, cid, ch, final):
        end = ch.start + len(ch.samples) - (ch.quiet if final else 0)
        spoken = ch.samples[: end - ch.start]
        if ch.voiced * 1000 // RATE < self.args.shortest_ms:
            return
        text, language = self.decode(ch, spoken, final)
        if not text or (not final and text == ch.last_text):
            return
        ch.last_text = text
        emit({"channel": cid, "segment": ch.segment, "final": final, "text": text, "language": language, "start": round(ch.start / RATE, 3), "end": round(end / RATE, 3)})

    def finish(self, cid, ch):
        """Ends the utterance: its final caption, then the channel waits for the next one."""
        if ch.voiced:
            self.publish(cid, ch, True)
            if ch.last_text:
                ch.segment += 1
        ch.start += len(ch.samples)
        ch.samples = np.zeros(0, dtype=np.int16)
        ch.voiced = ch.quiet = ch.since_interim = 0
        ch.last_text = ""

    def audio(self, cid, pcm):
        ch = self.channels.get(cid)
        if ch is None:
            return
        ch.pending = np.concatenate([ch.pending, pcm])
        whole = len(ch.pending) - len(ch.pending) % FRAME
        for i in range(0, whole, FRAME):
            frame = ch.pending[i : i + FRAME]
            loud = float(np.sqrt(np.mean((frame.astype(np.float32) / 32768.0) ** 2))) >= self.args.threshold
            if not ch.voiced and not loud:
                ch.start += FRAME  # quiet before speech is not kept
                continue
            ch.samples = np.concatenate([ch.samples, frame])
            if loud:
                ch.voiced += FRAME
                ch.quiet = 0
            else:
                ch.quiet += FRAME
            ch.since_interim += FRAME
            if ch.quiet >= self.args.pause * RATE or len(ch.samples) >= self.args.longest * RATE:
                self.finish(cid, ch)
        ch.pending = ch.pending[whole:]

    def interims(self):
        """One interim caption per channel that has --interim seconds of new speech: called once
        per batch of input, so an engine that fell behind catches up instead of re-decoding."""
        for cid, ch in list(self.channels.items()):
            if ch.voiced and ch.since_interim >= self.args.interim * RATE:
                ch.since_interim = 0
                self.publish(cid, ch, False)

    def handle(self, kind, cid, payload):
        if kind == OPEN:
            language = json.loads(payload or b"{}").get("language")
            self.channels[cid] = Channel(language if language in ("ko", "zh", "en") else None)
        elif kind == AUDIO:
            self.audio(cid, np.frombuffer(payload, dtype=np.int16))
        elif kind == CLOSE:
            ch = self.channels.pop(cid, None)
            if ch is not None:
                ch.quiet = 0
                self.finish(cid, ch)
            emit({"channel": cid, "closed": True})


def reader(stream, inbox):
    """Reads frames as they come, so decoding never holds up the writer on the other side."""
    while True:
        head = stream.read(HEADER.size)
        if len(head) < HEADER.size:
            break
        kind, cid, length = HEADER.unpack(head)
        payload = stream.read(length) if length else b""
        if len(payload) < length:
            break
        inbox.put((kind, cid, payload))
    inbox.put(None)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--model", required=True)
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--beam", type=int, default=3)
    p.add_argument("--interim", type=float, default=2.0)
    p.add_argument("--pause", type=float, default=0.6)
    p.add_argument("--longest", type=float, default=12.0)
    p.add_argument("--shortest-ms", type=int, default=250)
    p.add_argument("--threshold", type=float, default=0.01)
    args = p.parse_args()
    engine = Engine(args)
    emit({"ready": True})
    inbox = queue.Queue()
    threading.Thread(target=reader, args=(sys.stdin.buffer, inbox), daemon=True).start()
    while True:
        item = inbox.get()
        if item is None:
            break
        # Take in every frame that is waiting before decoding: audio keeps its pace under load.
        batch = [item]
        while True:
            try:
                nxt = inbox.get_nowait()
            except queue.Empty:
                break
            if nxt is None:
                inbox.put(None)
                break
            batch.append(nxt)
        for kind, cid, payload in batch:
            engine.handle(kind, cid, payload)
        engine.interims()
    for cid in list(engine.channels):
        engine.handle(CLOSE, cid, b"")


if __name__ == "__main__":
    main()
