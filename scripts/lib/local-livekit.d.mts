// Types of local-livekit.mjs for the test that starts it as `npm start` does.
export const INSTALL_HINT: string;

export interface LocalLiveKit {
  url: string;
  stop(): Promise<void>;
  env: Record<string, string>;
}

export function startLocalLiveKit(opts: {
  port: string | number;
  dataDir: string;
  log: (m: string) => void;
  env?: Record<string, string | undefined>;
  bin?: string | null;
}): Promise<LocalLiveKit | null>;
