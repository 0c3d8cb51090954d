// zod as this app uses it. In the browser zod must not try its JIT: the page's CSP forbids eval,
// and zod's probe for it (`new Function("")`) is reported as a violation on every page that
// defines a schema. Schemas are defined when their modules load, and every one imports this
// module first, so the setting is in place before the first schema. The server keeps the JIT.
import { z } from "zod";

if (typeof window !== "undefined") z.config({ jitless: true });

export { z };

// Text people type goes to PostgreSQL (which cannot store a NUL), mail headers and calendars (where
// a bare CR starts a new line): fields refuse control characters, line breaks only where they belong.
export const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;
export const CONTROL_EXCEPT_LINE_BREAKS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
