// Types of rtmp-receiver.mjs for the TypeScript tests that push RTMP to a loopback server.

export interface ArrivedStream {
  /** The stream key the publisher used (the URL's last path segment). */
  key: string;
  /** Bytes the publisher sent on its connection so far. */
  bytes: number;
  /** e.g. "h264", or null without video. */
  videoCodec: string | null;
  /** e.g. "aac", or null without audio. */
  audioCodec: string | null;
  /** Seconds of media recorded (first to last packet). */
  seconds: number;
}

export interface RtmpReceiver {
  /** rtmp://127.0.0.1:<port>/<app>; publishers add `/<stream key>`. */
  url: string;
  /** Stream keys that tried to publish without being expected (their connections were dropped). */
  rejected: string[];
  /**
   * Expects `key` and resolves once a stream under it has brought `minSeconds` (default 1) of media,
   * or has ended; rejects after `timeoutMs` (default 20 s).
   */
  waitForStream(key: string, opts?: { timeoutMs?: number; minSeconds?: number }): Promise<ArrivedStream>;
  stop(): Promise<void>;
}

export function startRtmpReceiver(opts?: { ffmpeg?: string; port?: number; app?: string; keys?: string[]; log?: (line: string) => void }): Promise<RtmpReceiver>;
