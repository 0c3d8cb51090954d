// Input of the backstage's server actions.
import { z } from "@/lib/zod";
import { forumRefSchema, participantRefSchema, sessionRefSchema } from "@/lib/rooms/schema";

export const backstageViewSchema = sessionRefSchema;

export const stageCallSchema = participantRefSchema;

export const setBackstageSchema = forumRefSchema.extend({ on: z.boolean() });
