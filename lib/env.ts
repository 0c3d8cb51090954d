// Configuration, validated once when the server starts. Every variable is listed in .env.example.
import "server-only";
import { z } from "@/lib/zod";
import { isLoopbackUrl, unsafeProductionSettings } from "@/lib/security/production-config";

const flag = z
  .enum(["true", "false", "1", "0"])
  .default("false")
  .transform((v) => v === "true" || v === "1");

const envSchema = z.object({
  DATABASE_URL: z.string().url({ message: "DATABASE_URL must be a postgresql:// URL" }),
  LIVEKIT_URL: z.string().default("ws://localhost:7880"),
  LIVEKIT_API_KEY: z.string().default("devkey"),
  LIVEKIT_API_SECRET: z.string().default("secret"),
  // Where this server calls LiveKit's API, when it differs from the browsers' LIVEKIT_URL (a private address).
  LIVEKIT_API_URL: z.string().url().optional(),
  AUTH_SECRET: z.string().min(32).optional(),
  // Encrypts restream stream keys at rest (any long random string); unset → derived from AUTH_SECRET.
  STREAM_KEY_SECRET: z.string().min(32).optional(),
  RECORDINGS_DIR: z.string().default(".data/recordings"),
  // S3-compatible storage for materials and recordings; used instead of RECORDINGS_DIR when S3_BUCKET is set.
  S3_ENDPOINT: z.string().url().optional(),
  S3_REGION: z.string().default("us-east-1"),
  S3_BUCKET: z.string().optional(),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  S3_FORCE_PATH_STYLE: flag,
  // Where this server calls LiveKit Egress's API; unset → the LiveKit server's API (it forwards to Egress).
  LIVEKIT_EGRESS_URL: z.string().url().optional(),
  // RECORDINGS_DIR as the Egress workers see it (a shared volume), when they write files locally.
  EGRESS_FILE_DIR: z.string().optional(),
  // The base URL Egress's Chrome opens the recording layout at (this app as Egress reaches it).
  EGRESS_LAYOUT_BASE_URL: z.string().url().optional(),
  // An egress that has not reported starting after this long, or finishing after being stopped, failed.
  EGRESS_START_TIMEOUT_S: z.coerce.number().int().positive().default(120),
  EGRESS_END_TIMEOUT_S: z.coerce.number().int().positive().default(900),
  // The largest recording an organizer may upload.
  RECORDING_UPLOAD_MAX_MB: z.coerce.number().int().positive().default(8192),
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().default("Plenary <no-reply@plenary.local>"),
  MAIL_DIR: z.string().default(".data/mail"),
  PUBLIC_BASE_URL: z.string().url().default("http://localhost:3000"),
  // How many reverse proxies in front of the app append to X-Forwarded-For. 0: the header is
  // ignored and the connection's own address counts (anyone can send the header).
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  // How long a mailed sign-in link works.
  SIGN_IN_LINK_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  // A local run (npm start on loopback, npm test, the benchmarks): the development defaults are
  // allowed in production mode with a warning instead of refusing to start. Loopback addresses only.
  PLENARY_LOCAL_RUN: flag,
  // How many minutes before a bookmarked or own session its reminder mail goes out, for people who
  // have not chosen their own (0: no reminders unless a person asks for them).
  REMINDER_LEAD_MINUTES: z.coerce.number().int().min(0).max(1440).default(15),
  // Live captions (npm run captions, lib/captions): a Python with faster-whisper, a CTranslate2
  // Whisper model folder (nothing is downloaded at run time) and the CPU threads it may use.
  CAPTIONS_PYTHON: z.string().default("python3"),
  CAPTIONS_MODEL_DIR: z.string().optional(),
  CAPTIONS_THREADS: z.coerce.number().int().min(1).max(64).default(2),
  // How many forums' stages one captions worker captions at once (each has its own engine).
  CAPTIONS_ROOMS: z.coerce.number().int().min(1).max(64).default(2),
});

export type Env = z.infer<typeof envSchema>;

function loadEnv(): Env {
  // An empty variable means "not set", as in shells and .env files.
  const parsed = envSchema.safeParse(Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== "")));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid configuration:\n${problems}`);
  }
  return parsed.data;
}

let cached: Env | undefined;

/**
 * Refuses to serve in production with configuration that only suits a local run (see
 * lib/security/production-config.ts), listing every unsafe variable. A local run on a loopback
 * address (PLENARY_LOCAL_RUN, set by npm start and npm test) is warned instead. Called at boot.
 */
export function assertSafeForProduction(env: Env = getEnv(), nodeEnv = process.env.NODE_ENV) {
  if (nodeEnv !== "production") return;
  const problems = unsafeProductionSettings(env);
  if (!problems.length) return;
  const list = problems.map((p) => `  - ${p}`).join("\n");
  if (env.PLENARY_LOCAL_RUN && isLoopbackUrl(env.PUBLIC_BASE_URL)) {
    console.warn(`[plenary] Local run (PLENARY_LOCAL_RUN) with development settings that a public server would refuse:\n${list}`);
    return;
  }
  const hint = env.PLENARY_LOCAL_RUN ? "\nPLENARY_LOCAL_RUN allows them only when PUBLIC_BASE_URL is a loopback address." : "";
  throw new Error(`Refusing to start in production with unsafe configuration:\n${list}${hint}`);
}

/** The validated configuration. instrumentation.ts reads it at boot, so a bad value stops the
 * server before it serves anything; `next build` never needs it. */
export function getEnv(): Env {
  cached ??= loadEnv();
  return cached;
}

/** Auth.js's own variables (AUTH_SECRET and the older secrets being rotated out, AUTH_URL), read
 * the way Auth.js reads them. */
export function authEnv(): Record<string, string | undefined> {
  const { AUTH_SECRET, AUTH_SECRET_1, AUTH_SECRET_2, AUTH_SECRET_3, AUTH_URL, NEXTAUTH_URL } = process.env;
  return { AUTH_SECRET, AUTH_SECRET_1, AUTH_SECRET_2, AUTH_SECRET_3, AUTH_URL, NEXTAUTH_URL };
}
