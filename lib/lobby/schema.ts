// Inputs of the lobby's server actions. The forum comes from the session (the person's room) or
// the forum id (organizers); the server reads everything else.
import { z } from "@/lib/zod";
import { forumPersonSchema, forumRefSchema, sessionRefSchema } from "@/lib/rooms/schema";

export const lobbySessionSchema = sessionRefSchema;

export const lobbyForumSchema = forumRefSchema;

export const lobbyDecisionSchema = forumPersonSchema.extend({ decision: z.enum(["admit", "refuse"]) });

export const requiresAdmissionSchema = forumRefSchema.extend({ on: z.boolean() });

export type LobbyDecision = z.infer<typeof lobbyDecisionSchema>["decision"];
