// Any other path under a locale is a localized 404.
import { notFound } from "next/navigation";

export default function CatchAll() {
  notFound();
}
