import { expect, test, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { readFileSync } from "node:fs";
import path from "node:path";
import { getGuide } from "../app/lib/content";

const guide = getGuide();
const allLessons = guide.modules.flatMap((m) => m.lessons);

/** axe violations that block a learner: serious or critical. */
async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
}

test("[CONTENT]: the home page lists every lesson of both modules", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  for (const guideModule of guide.modules) {
    await expect(page.getByRole("heading", { name: guideModule.title })).toBeVisible();
  }
  expect(allLessons).toHaveLength(21);
  for (const lesson of allLessons) {
    await expect(page.locator(`a[href="/lessons/${lesson.slug}"]`).first()).toContainText(lesson.title);
  }
});

test("[CONTENT]: a lesson shows its heading, paragraphs and further reading", async ({ page }) => {
  const lesson = guide.modules[0]!.lessons[1]!; // "What helped propel the Revolution?"
  await page.goto(`/lessons/${lesson.slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("What helped propel the Revolution?");
  await expect(page.locator("article p[id^='p-']")).toHaveCount(
    lesson.sections.flatMap((s) => s.blocks).filter((b) => b.kind === "paragraph").length,
  );
  const reading = page.getByRole("region", { name: "For further reading" });
  await expect(reading.getByRole("listitem")).toHaveCount(4);
  await expect(reading).toContainText("Factory Committees in the Russian Revolution");
});

/** First sentence of the first paragraph after a heading, unwrapped from the raw digest by hand. */
function firstSentenceAfter(heading: string): string {
  const raw = readFileSync(path.join(process.cwd(), "content/source/000_c35c5bcf756e66cf.txt"), "utf8").split(
    "\n",
  );
  const at = raw.lastIndexOf(heading); // the last match skips the table of contents
  expect(at, `heading "${heading}" in the digest`).toBeGreaterThan(0);
  const lines: string[] = [];
  for (const line of raw.slice(at + 1)) {
    if (line.trim() === "") {
      if (lines.length > 0) break;
      continue;
    }
    lines.push(line);
  }
  const paragraph = lines
    .join("\n")
    .replace(/\u00a0\n/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  const sentence = paragraph.slice(0, paragraph.search(/[.?!]"? [A-Z]/) + 1);
  expect(sentence.length, `a sentence after "${heading}"`).toBeGreaterThan(40);
  return sentence;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

for (const heading of ["What happened at Kronstadt in 1921?", "What about the imperialists?", "Aftermath"]) {
  test(`[CONTENT]: a sentence taken straight from the digest reads correctly (${heading})`, async ({
    page,
  }) => {
    const sentence = firstSentenceAfter(heading);
    await page.goto("/");
    // The list link's name also holds its number and reading time.
    await page
      .getByRole("link", { name: new RegExp(`\\b${escapeRegExp(heading)}`) })
      .first()
      .click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
    await expect(page.locator("article")).toContainText(sentence);
  });
}

test("[CONTENT]: next and previous move through the lessons in order", async ({ page }) => {
  const [first, second, third] = guide.modules[0]!.lessons;
  await page.goto(`/lessons/${first!.slug}`);
  await page.getByRole("link", { name: /Next/ }).click();
  await expect(page).toHaveURL(new RegExp(`/lessons/${second!.slug}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(second!.title);
  await page.getByRole("link", { name: /Next/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(third!.title);
  await page.getByRole("link", { name: /Previous/ }).click();
  await expect(page).toHaveURL(new RegExp(`/lessons/${second!.slug}$`));
});

test("[CONTENT]: the Lenin lesson keeps its four sub-parts with anchors", async ({ page }) => {
  const lesson = allLessons.find((l) => l.title.startsWith("How did Lenin contradict"))!;
  await page.goto(`/lessons/${lesson.slug}`);
  const index = page.getByRole("navigation", { name: "In this lesson" });
  for (const heading of [
    "Ukraine",
    "Georgia",
    "Central Asia: Kirghiz-Kazakh Steppe and Turkestan",
    "The Basmachi",
  ]) {
    await expect(page.getByRole("heading", { level: 2, name: heading })).toBeVisible();
    await expect(index.getByRole("link", { name: heading })).toBeVisible();
  }
  await index.getByRole("link", { name: "Georgia" }).click();
  await expect(page).toHaveURL(/#georgia$/);
});

test("[CONTENT]: the references page lists the back matter", async ({ page }) => {
  await page.goto("/references");
  await expect(page.getByRole("region", { name: /Works Cited/ }).getByRole("listitem")).toHaveCount(12);
  await expect(
    page.getByRole("region", { name: /Recommended Statements and Memoirs/ }).getByRole("listitem"),
  ).toHaveCount(4);
  await expect(page.getByRole("region", { name: /Recommended Films/ }).getByRole("listitem")).toHaveCount(7);
  await expect(page.locator("main")).toContainText("Montréal");
});

test("[CONTENT]: an unknown lesson gets the not-found page", async ({ page }) => {
  const response = await page.goto("/lessons/no-such-lesson");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "We could not find that page" })).toBeVisible();
});

test("[CONTENT]: axe finds no serious or critical violation on home and a lesson", async ({ page }) => {
  await page.goto("/");
  expect(await seriousViolations(page)).toEqual([]);
  await page.goto(`/lessons/${allLessons[12]!.slug}`);
  expect(await seriousViolations(page)).toEqual([]);
});
