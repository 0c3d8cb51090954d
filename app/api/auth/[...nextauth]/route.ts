// GET|POST /api/auth/* — Auth.js: sign-in, sign-out, email links, CSRF token, session
import { handlers } from "@/lib/auth/auth";

export const { GET, POST } = handlers;
