import { expect, test, type Page } from "@playwright/test";
import path from "node:path";
import { answerCard, norm, readKeys } from "./helpers/answers";

/** The part of GET /api/progress these tests read. */
type ProgressBody = { data?: { lessons?: Record<string, { read: boolean; level: string }> } };

/**
 * A new learner's whole first session, in one test: sign up → read lesson 1 → take its quiz →
 * score and feedback → the dashboard shows it → the missed questions are waiting in review.
 * With TOUR_SCREENSHOTS=1 it also saves the README's tour pictures to e2e/tour/.
 */
const shoot = process.env.TOUR_SCREENSHOTS === "1";
async function snap(page: Page, name: string) {
  if (shoot)
    await page.screenshot({ path: path.join(import.meta.dirname, "tour", `${name}.png`), fullPage: false });
}

/** Answer whatever question is on screen, without knowing the key (some will be wrong). */
async function answerCurrent(page: Page, n: number) {
  const form = page.locator("form").filter({ has: page.getByTestId("question-prompt") });
  const radios = form.locator("input[type=radio]");
  if ((await radios.count()) > 0) return radios.nth(n % (await radios.count())).check();
  if ((await form.getByTestId("blank-input").count()) > 0)
    return form.getByTestId("blank-input").fill("Petrograd");
  if ((await form.getByTestId("ordering-list").count()) > 0)
    return form.getByRole("button", { name: /down$/ }).first().click();
  const selects = form.getByTestId("matching-select");
  for (let i = 0; i < (await selects.count()); i++) await selects.nth(i).selectOption({ index: 1 });
}

test("[JOURNEY]: sign up, read lesson 1, take its quiz, see it on the dashboard and the misses in review", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1200, height: 860 });
  await page.goto("/");
  await snap(page, "1-home");

  await page.getByRole("link", { name: "Sign up" }).click();
  await page.getByLabel("Display name").fill("Journey Learner");
  await page.getByLabel("Email").fill(`journey-${Date.now()}@example.org`);
  await page.getByLabel("Password", { exact: true }).fill("red and black october");
  await page.getByLabel("Timezone").selectOption("Australia/Melbourne");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByTestId("account-name")).toHaveText("Journey Learner");

  // Read lesson 1 to the end.
  await page.goto("/");
  await page.locator("#modules ol a").first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "What precipitated the crisis and revolutionary events of 1917?",
  );
  await snap(page, "2-lesson");
  const lessonSlug = new URL(page.url()).pathname.split("/").pop()!;
  await page.getByRole("navigation", { name: "Lesson navigation" }).scrollIntoViewIfNeeded();
  await expect
    .poll(async () => {
      const body = (await (await page.request.get("/api/progress")).json()) as ProgressBody;
      return body.data?.lessons?.[lessonSlug]?.read ?? false;
    })
    .toBe(true);

  // Take its quiz.
  await page.getByRole("link", { name: "Take the quiz" }).first().click();
  await page.getByTestId("start-quiz").click();
  const progress = page.getByTestId("quiz-progress");
  await expect(progress).toHaveText(/^Question 1 of \d+$/);
  const total = Number(/of (\d+)/.exec((await progress.textContent()) ?? "")?.[1]);
  expect(total).toBeGreaterThanOrEqual(3);
  for (let i = 0; i < total; i++) {
    await expect(progress).toHaveText(`Question ${i + 1} of ${total}`);
    await answerCurrent(page, i);
    if (i === 1) await snap(page, "3-quiz");
    if (i < total - 1) await page.getByTestId("next-question").click();
  }
  await page.getByTestId("submit-quiz").click();
  const score = page.getByTestId("quiz-score");
  await expect(score).toContainText(`out of ${total}`);
  const right = Number(/scored ([\d.]+)/.exec((await score.textContent()) ?? "")?.[1]);
  const keys = await readKeys(page);
  await expect(page.getByTestId("feedback-item")).toHaveCount(total);
  await snap(page, "4-feedback");

  // The dashboard shows the attempt.
  await page.goto("/dashboard");
  await expect(page.getByRole("main")).toContainText(`${right}/${total}`);
  await snap(page, "5-dashboard");

  // The home page's lesson list shows the lesson's badge with the best score.
  await page.goto("/");
  await expect(page.locator("#modules ol li").first()).toContainText(
    `best ${Math.round((right / total) * 100)}%`,
  );

  // Every missed question is due in review.
  await page.goto("/review");
  const missed = total - right;
  if (missed === 0) {
    await expect(page.getByTestId("review-empty")).toBeVisible();
  } else {
    await expect(page.getByTestId("review-due-count")).toContainText(
      `${missed} card${missed === 1 ? "" : "s"} due`,
    );
    await snap(page, "6-review");

    // Finish the session, every card answered right.
    const finish = page.getByTestId("review-finish");
    for (let i = 0; i < 2 * missed && (await finish.count()) === 0; i++) {
      const card = page.getByTestId("review-card");
      const prompt = norm(await card.getByRole("heading", { level: 2 }).innerText());
      await answerCard(
        card,
        keys.find((k) => k.prompt === prompt)!,
        true,
      );
      await page.getByTestId("review-submit").click();
      await page.getByTestId("review-next").click();
    }
    await expect(page.getByTestId("review-finish-summary")).toHaveText(
      `${missed} card${missed === 1 ? "" : "s"} reviewed, ${missed} right the first time.`,
    );
    await snap(page, "7-review-finish");
  }
});
