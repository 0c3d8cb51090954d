"use server";
// Server actions of the materials page: change a material's title and visibility, delete it.
import { revalidatePath } from "next/cache";
import { z } from "@/lib/zod";
import { getActor } from "@/lib/auth/current";
import { AppError } from "@/lib/errors";
import { deleteMaterial, updateMaterial } from "./mutations";

export interface MaterialFormState {
  saved?: boolean;
  error?: string;
}

const refresh = () => revalidatePath("/[locale]/organizer/events/[slug]/sessions/[id]/materials", "page");

export async function updateMaterialAction(id: string, _prev: MaterialFormState, form: FormData): Promise<MaterialFormState> {
  try {
    await updateMaterial(await getActor(), id, {
      title: { ko: String(form.get("titleKo") ?? ""), zh: String(form.get("titleZh") ?? ""), en: String(form.get("titleEn") ?? "") },
      visibility: String(form.get("visibility")) as "registered",
    });
  } catch (err) {
    if (err instanceof AppError) return { error: err.message };
    if (err instanceof z.ZodError) return { error: "invalidInput" };
    throw err;
  }
  refresh();
  return { saved: true };
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
