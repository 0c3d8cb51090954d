// Signs the seeded organizer in once; the specs acting as organizer reuse the saved cookies.
import { test as setup } from "@playwright/test";
import { ORGANIZER, ORGANIZER_STATE, SignInPage } from "./pages/sign-in-page";

setup("the seeded organizer signs in once for every spec that acts as organizer", async ({ page }) => {
  await new SignInPage(page).signIn(ORGANIZER.email, ORGANIZER.password);
  await page.context().storageState({ path: ORGANIZER_STATE });
});
