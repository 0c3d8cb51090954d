// Page object of the organizers' recordings console: a forum's section, a recording's card and
// the upload form.
import type { Locator, Page } from "@playwright/test";

export class RecordingsConsolePage {
  readonly upload: {
    form: Locator;
    forum: Locator;
    session: Locator;
    startedAt: Locator;
    visibility: Locator;
    file: Locator;
    submit: Locator;
    progress: Locator;
    percent: Locator;
  };

  constructor(readonly page: Page) {
    const form = page.getByTestId("upload-recording");
    this.upload = {
      form,
      forum: form.getByLabel("Forum", { exact: true }),
      session: form.getByLabel("Session (optional)"),
      startedAt: form.getByLabel("Recording started at (optional)"),
      visibility: form.getByLabel("Who can watch"),
      file: form.getByLabel("Video file"),
      submit: form.getByRole("button", { name: "Upload" }),
      progress: page.getByRole("progressbar", { name: "Upload progress" }),
      percent: form.getByTestId("upload-percent"),
    };
  }

  async open(slug: string) {
    await this.page.goto(`/en/organizer/events/${slug}/recordings`);
    // The forms work only once hydrated; the viewer's own time appears only then.
    await this.page.getByTestId("viewer-time").first().locator("time").first().waitFor();
  }

  forum(title: string): Locator {
    return this.page.getByTestId("recording-forum").filter({ has: this.page.getByRole("heading", { level: 2, name: title, exact: true }) });
  }

  /** The card of the recording whose file is `fileName`. */
  recording(fileName: string): Locator {
    return this.page.getByTestId("recording").filter({ has: this.page.getByTestId("recording-file").getByText(fileName, { exact: true }) });
  }
}
