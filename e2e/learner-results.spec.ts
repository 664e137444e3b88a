import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import path from "node:path";
import { getGuide } from "../app/lib/content";
import { findDraw, startAttempt, submitAttempt } from "./helpers/draws";

/**
 * A result's score counts partly right answers and says how; a result can be shared by a link
 * that opens in anyone's browser and stops opening when the owner stops sharing it.
 */
const lessons = getGuide().modules.flatMap((m) => m.lessons);

/** With TOUR_SCREENSHOTS=1, save a README tour picture (as the journey spec does). */
async function snap(page: Page, name: string) {
  if (process.env.TOUR_SCREENSHOTS === "1")
    await page.screenshot({ path: path.join(import.meta.dirname, "tour", `${name}.png`), fullPage: false });
}

/** An answer with the first two events (or the first two pairs' partners) swapped: partly right. */
function partlyRight(expected: unknown): unknown {
  const list = expected as unknown[];
  if (typeof list[0] === "string") return [list[1], list[0], ...list.slice(2)];
  const pairs = expected as [string, string][];
  return [[pairs[0]![0], pairs[1]![1]], [pairs[1]![0], pairs[0]![1]], ...pairs.slice(2)];
}

/**
 * A submitted quiz or module test with one chronology or matching question answered partly
 * right: blank submissions on the way show the keys, and retakes draw those questions again.
 */
async function partlyRightAttempt(request: APIRequestContext, type: "ordering" | "matching") {
  const found = await findDraw(request, (q, keys) => q.type === type && keys.has(q.id));
  if (!found) return null;
  const { quiz, index, question, keys } = found;
  const saved = await request.put(`/api/attempts/${quiz.attemptId}/responses`, {
    data: { questionId: question.id, answer: partlyRight(keys.get(question.id)) },
  });
  expect(saved.ok()).toBe(true);
  return { attemptId: quiz.attemptId, index, question, result: await submitAttempt(request, quiz.attemptId) };
}

/** Console errors and uncaught page errors while `visit` runs. */
async function consoleErrors(page: Page, visit: () => Promise<void>): Promise<string[]> {
  const errors: string[] = [];
  const onConsole = (m: { type(): string; text(): string }) => {
    if (m.type() === "error") errors.push(`${page.url()}: ${m.text()}`);
  };
  const onError = (e: Error) => errors.push(`${page.url()}: ${e.message}`);
  page.on("console", onConsole);
  page.on("pageerror", onError);
  try {
    await visit();
  } finally {
    page.off("console", onConsole);
    page.off("pageerror", onError);
  }
  return errors;
}

/** axe at 375 px, light and dark: no serious or critical finding, no sideways scroll. */
async function accessibleAt375(page: Page) {
  await page.setViewportSize({ width: 375, height: 800 });
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(
      violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id),
      `${page.url()} (${colorScheme})`,
    ).toEqual([]);
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize({ width: 1280, height: 800 });
}

test("[LEARNER]: a partly right chronology or matching answer counts for part of a mark, and the result says how", async ({
  page,
}) => {
  const found =
    (await partlyRightAttempt(page.request, "ordering")) ??
    (await partlyRightAttempt(page.request, "matching"));
  expect(found, "no lesson quiz, module test or retake drew a chronology or matching question").toBeTruthy();
  const { attemptId, index, question, result } = found!;
  const credit = result.items[index]!.credit;
  expect(credit).toBeGreaterThan(0);
  expect(credit).toBeLessThan(1);
  expect(result.score).toBeCloseTo(
    result.items.reduce((s, i) => s + i.credit, 0),
    5,
  );

  await page.setViewportSize({ width: 1200, height: 860 });
  const errors = await consoleErrors(page, async () => {
    await page.goto(`/attempts/${attemptId}`);
    await expect(page.getByTestId("quiz-score")).toHaveText(
      `You scored ${String(result.score)} out of ${result.total}`,
    );
    await expect(page.getByTestId("quiz-score")).toHaveText(/scored \d*\.\d+ out of/);
    await expect(page.getByTestId("partial-credit-note")).toContainText("partly right");
    await expect(page.getByTestId("partial-credit-note")).toContainText("3 of 4 right earns 0.75");
    const item = page.getByTestId("feedback-item").nth(index);
    await expect(item.getByRole("heading", { level: 3 })).toContainText(
      `partly right, ${String(credit)} of a mark`,
    );
    await expect(item.getByTestId("item-marks")).toBeVisible();
    if (question.type === "ordering") {
      // The right order, each event with its date from the text.
      const dates = item.getByTestId("expected-order").getByTestId("expected-date");
      await expect(dates).toHaveCount(await item.getByTestId("expected-order").locator("li").count());
      for (const text of await dates.allInnerTexts())
        expect(text).toMatch(/\(.*\b(1[89]\d\d|[A-Z][a-z]+)\b.*\)/);
    }
    await item.evaluate((el) => el.scrollIntoView({ block: "start" }));
    await snap(page, "12-partial-credit");
  });
  expect(errors).toEqual([]);
  await accessibleAt375(page);
});

test("[LEARNER]: a shared result opens in a fresh browser with only the display name, and stops opening when sharing stops", async ({
  page,
  browser,
}) => {
  const name = `Sharer ${Math.floor(Math.random() * 1e6)}`;
  const email = `share-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.org`;
  await page.goto("/sign-up");
  await page.getByLabel("Display name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill("red and black october");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  const quiz = await startAttempt(page.request, { lessonSlug: lessons[0]!.slug });
  const result = await submitAttempt(page.request, quiz.attemptId);

  const share = page.getByTestId("share-result");
  await page.setViewportSize({ width: 1200, height: 860 });
  let link = "";
  const ownerErrors = await consoleErrors(page, async () => {
    await page.goto(`/attempts/${quiz.attemptId}`);
    await expect(share).toHaveAttribute("data-shared", "false");
    await expect(share.getByTestId("share-status")).toContainText("Only you");
    await share.getByRole("button", { name: "Make a link" }).click();
    await expect(share).toHaveAttribute("data-shared", "true");
    await expect(share.getByTestId("share-status")).toContainText(`under the name “${name}”`);
    link = await share.getByTestId("share-link").inputValue();
    await share.evaluate((el) => el.scrollIntoView({ block: "center" }));
    await snap(page, "13-share");
  });
  expect(ownerErrors).toEqual([]);
  expect(link).toMatch(/\/shared\/[A-Za-z0-9_-]{43}$/);
  expect(link).not.toContain(quiz.attemptId);
  await accessibleAt375(page);

  // Someone else, with no cookies of the owner's: the result, read-only, under the display name.
  const stranger = await browser.newContext();
  const other = await stranger.newPage();
  const visitorErrors = await consoleErrors(other, async () => {
    const res = await other.goto(link);
    expect(res?.status()).toBe(200);
    await expect(other.getByTestId("shared-by")).toContainText(`Shared by ${name}`);
    await expect(other.getByTestId("quiz-score")).toHaveText(
      `${name} scored ${String(result.score)} out of ${result.total}`,
    );
    await expect(other.getByTestId("feedback-item")).toHaveCount(result.items.length);
  });
  expect(visitorErrors).toEqual([]);
  const html = await other.content();
  expect(html).not.toContain(email);
  expect(html).not.toContain(quiz.attemptId);
  await expect(other.getByText("Report this question")).toHaveCount(0);
  await accessibleAt375(other);
  // The visitor can neither stop nor remake the owner's link: refused without an identity, and
  // as a guest of their own it is someone else's attempt, so a 404.
  const shareApi = `/api/attempts/${quiz.attemptId}/share`;
  expect((await other.request.delete(shareApi)).status()).toBe(401);
  await startAttempt(other.request, { lessonSlug: lessons[0]!.slug });
  expect((await other.request.delete(shareApi)).status()).toBe(404);
  expect((await other.request.post(shareApi, { data: {} })).status()).toBe(404);
  expect((await other.request.get(shareApi)).status()).toBe(200); // "not shared" for them: nothing leaks
  expect(((await (await other.request.get(shareApi)).json()) as { data: unknown }).data).toEqual({
    shared: false,
    since: null,
  });
  expect((await other.goto(link))?.status()).toBe(200);

  // The owner's page says it is shared; stopping it closes the link.
  await page.reload();
  await expect(share.getByTestId("share-status")).toContainText("anyone with the link you made on");
  await share.getByRole("button", { name: "Stop sharing" }).click();
  await expect(share).toHaveAttribute("data-shared", "false");
  await expect(share.getByTestId("share-status")).toContainText("Only you");
  const closed = await other.goto(link);
  expect(closed?.status()).toBe(404);
  await expect(other.getByTestId("quiz-score")).toHaveCount(0);
  await stranger.close();
});
