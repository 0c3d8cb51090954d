"use server";
// Server actions of the materials page: change a material's title and visibility, delete it.
import { revalidatePath } from "next/cache";
import { getActor } from "@/lib/auth/current";
import { AppError } from "@/lib/errors";
import { runAction, type ActionResult, type FormResult } from "@/lib/http/action";
import { deleteMaterial, updateMaterial } from "./mutations";

const refresh = () => revalidatePath("/[locale]/organizer/events/[slug]/sessions/[id]/materials", "page");

export async function updateMaterialAction(id: string, _prev: FormResult, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    await updateMaterial(await getActor(), id, {
      title: { ko: String(form.get("titleKo") ?? ""), zh: String(form.get("titleZh") ?? ""), en: String(form.get("titleEn") ?? "") },
      visibility: String(form.get("visibility")) as "registered",
    });
    refresh();
    return null;
  });
}

export async function deleteMaterialAction(id: string): Promise<void> {
  try {
    await deleteMaterial(await getActor(), id);
  } catch (err) {
    // Already deleted (a second click, another organizer): the page simply refreshes.
    if (!(err instanceof AppError && err.code === "NOT_FOUND")) throw err;
  }
  refresh();
}
