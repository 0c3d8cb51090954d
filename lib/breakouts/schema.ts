// Input of the breakout actions and of the token route's breakout request.
import { z } from "@/lib/zod";
import { localizedTextSchema } from "@/lib/i18n/localized-schema";
import { forumRefSchema, sessionRefSchema } from "@/lib/rooms/schema";
import { COUNTDOWN_SECONDS } from "@/lib/rooms/breakouts";

const id = z.string().trim().min(1).max(200);

const title = localizedTextSchema
  .extend({ ko: z.string().trim().max(80), zh: z.string().trim().max(80), en: z.string().trim().max(80) })
  .refine((t) => t.ko || t.zh || t.en, { message: "breakoutTitleRequired" });

export const createBreakoutsSchema = forumRefSchema.extend({ count: z.number().int().min(1).max(20) });

export const renameBreakoutSchema = forumRefSchema.extend({ breakoutId: id, title });

export const breakoutRefSchema = forumRefSchema.extend({ breakoutId: id });

/** `breakoutId` null: back to no room. */
export const assignPersonSchema = forumRefSchema.extend({ userId: id, breakoutId: id.nullable() });

export const assignAllSchema = forumRefSchema.extend({ strategy: z.enum(["random", "pairs"]), seed: z.number().int().optional() });

export const setModeSchema = forumRefSchema.extend({ mode: z.enum(["assigned", "choose"]) });

export const countdownSchema = forumRefSchema.extend({
  seconds: z
    .number()
    .int()
    .refine((s) => (COUNTDOWN_SECONDS as readonly number[]).includes(s), { message: "invalidCountdown" }),
});

export const messageSchema = forumRefSchema.extend({ text: z.string().trim().min(1).max(500) });

export const chooseSchema = sessionRefSchema.extend({ breakoutId: id });

export { sessionRefSchema, forumRefSchema };
