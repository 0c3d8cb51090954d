// GET /api/time-zones?lang=ko|zh|en — every time zone named for people in that language, for the
// pickers: the server's full CLDR names the cities browsers leave in English ("로스앤젤레스")
import { NextResponse } from "next/server";
import { handle } from "@/lib/http/handler";
import { locales } from "@/lib/i18n/routing";
import { zonesForPicker } from "@/lib/time/picker-zones";
import { z } from "@/lib/zod";

export const dynamic = "force-dynamic";

const querySchema = z.object({ lang: z.enum(locales).catch("en") });

export const GET = handle(async (req) => {
  const { lang } = querySchema.parse({ lang: new URL(req.url).searchParams.get("lang") ?? undefined });
  // Offsets follow daylight saving: a browser keeps the list an hour at most.
  return NextResponse.json(zonesForPicker(lang, new Date()), { headers: { "cache-control": "public, max-age=3600" } });
});
