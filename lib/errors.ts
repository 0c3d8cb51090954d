// One error type for the domain; edges map its code to an HTTP status.
import type { Conflict } from "@/lib/agenda/conflicts";

export type AppErrorCode =
  "BAD_REQUEST" | "UNAUTHENTICATED" | "FORBIDDEN" | "NOT_FOUND" | "CONFLICT" | "CAPACITY_REACHED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "RATE_LIMITED" | "UNAVAILABLE";

/** What an error of each code may carry for the caller to show; the codes not named carry nothing. */
export interface AppErrorDetails {
  /** The rows or edits that clash, the speaker row at fault, or the subtitle line that is wrong. */
  BAD_REQUEST: { conflicts: Conflict[] } | { index: number } | { line: number; reason: string; text: string };
  /** Someone saved first: their version and values, for the editor to compare with the user's. */
  CONFLICT: { version: number; current: unknown };
  RATE_LIMITED: { retryAfterSeconds: number };
}

export type DetailsOf<C extends AppErrorCode> = C extends keyof AppErrorDetails ? AppErrorDetails[C] : never;

/** `message` is a key of the "errors" catalogue (or of the feature's own errors namespace), never prose. */
export class AppError<C extends AppErrorCode = AppErrorCode> extends Error {
  constructor(
    readonly code: C,
    message: string = code,
    readonly details?: DetailsOf<C>,
  ) {
    super(message);
    this.name = "AppError";
  }
}

const statusByCode: Record<AppErrorCode, number> = {
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  CAPACITY_REACHED: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
};

export function httpStatus(code: AppErrorCode): number {
  return statusByCode[code];
}
