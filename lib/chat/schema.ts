// Input of the room chat's actions.
import { z } from "@/lib/zod";
import { CHAT_MAX_LENGTH } from "./message";

const id = z.string().trim().min(1).max(200);

// Control characters other than line breaks and tabs have no business in a chat line (a bare CR
// or a NUL would reach every other client and the CSV export).
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** `breakoutId`: the breakout room the client is in (absent or null: the stage); each room has its own chat. */
const room = { sessionId: id, breakoutId: id.nullish() };

export const chatPostSchema = z.object({
  ...room,
  body: z
    .string()
    .transform((s) => s.replace(/\r\n?/g, "\n").trim())
    .pipe(
      z
        .string()
        .min(1, "chatEmpty")
        .max(CHAT_MAX_LENGTH, "chatTooLong")
        .refine((s) => !CONTROL.test(s), "chatInvalid"),
    ),
});

export const chatHistorySchema = z.object(room);

export const chatDeleteSchema = z.object({ ...room, messageId: id });
