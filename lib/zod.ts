// zod as this app uses it. In the browser zod must not try its JIT: the page's CSP forbids eval,
// and zod's probe for it (`new Function("")`) is reported as a violation on every page that
// defines a schema. Schemas are defined when their modules load, and every one imports this
// module first, so the setting is in place before the first schema. The server keeps the JIT.
import { z } from "zod";

if (typeof window !== "undefined") z.config({ jitless: true });

export { z };
