// What organizers send about a forum's broadcast, checked before anything is read or written.
import { z } from "@/lib/zod";

export const broadcastSettingsSchema = z
  .object({
    webrtc: z.boolean(),
    hls: z.boolean(),
    audience: z.enum(["public", "registered"]),
    backstage: z.boolean(),
  })
  .partial()
  .strict()
  // A broadcast nobody can watch is no broadcast: at least one player stays offered.
  .refine((s) => !(s.webrtc === false && s.hls === false), { message: "noPlayer" });

/** An ingest URL: rtmp:// or rtmps://, a host, an optional port and path; no credentials, query or fragment. */
const ingestUrl = z
  .string()
  .trim()
  .max(500, { message: "restreamUrlInvalid" })
  .refine(
    (v) => {
      try {
        const u = new URL(v);
        return (u.protocol === "rtmp:" || u.protocol === "rtmps:") && !!u.hostname && !u.username && !u.password && !u.search && !u.hash;
      } catch {
        return false;
      }
    },
    { message: "restreamUrlInvalid" },
  );

export const restreamDestinationSchema = z
  .object({
    label: z.string().trim().min(1, { message: "restreamLabelMissing" }).max(80, { message: "restreamLabelTooLong" }),
    url: ingestUrl,
    // Keys are opaque: letters, digits and the punctuation platforms use; never whitespace or a slash.
    streamKey: z
      .string()
      .trim()
      .min(4, { message: "streamKeyInvalid" })
      .max(256, { message: "streamKeyInvalid" })
      .regex(/^[A-Za-z0-9._~\-=+?&:]+$/, { message: "streamKeyInvalid" }),
  })
  .strict();

export type RestreamDestinationInput = z.infer<typeof restreamDestinationSchema>;
