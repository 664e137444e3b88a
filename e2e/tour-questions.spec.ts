import { expect, test, type Page } from "@playwright/test";
import path from "node:path";
import { getGuide } from "../app/lib/content";
import { findDraw, scopeUrl, submitAttempt, type Found } from "./helpers/draws";
import { newPerson } from "./helpers/people";

/**
 * Questions of understanding as a learner meets them: a "what explains …?" question in a lesson
 * quiz and its feedback with the sentence it comes from, and the module test's question that sets
 * the two texts against each other. With TOUR_SCREENSHOTS=1 it saves the README's pictures of them.
 */
async function snap(page: Page, name: string) {
  if (process.env.TOUR_SCREENSHOTS === "1")
    await page.screenshot({ path: path.join(import.meta.dirname, "tour", `${name}.png`), fullPage: false });
}

/** Opens the drawn attempt in the browser at its `index`th question. */
async function openAt(page: Page, url: string, found: Found) {
  await page.goto(url);
  const start = page.getByRole("button", { name: /^Start the (quiz|module test)$/ });
  if (await start.isVisible()) await start.click();
  await page
    .getByRole("navigation", { name: "Questions" })
    .getByRole("button", { name: new RegExp(`^Question ${found.index + 1},`) })
    .click();
  await expect(page.getByTestId("question-prompt")).toHaveText(found.question.prompt);
}

const WHY = /^According to the lesson, (?:why|what explains|what was the result)\b/;

test("[QUIZ]: a question asking what explains an event is answered in a quiz and its feedback quotes the lesson's reasoning", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const { page } = await newPerson(browser, "Tour Learner");
  await page.setViewportSize({ width: 1200, height: 860 });

  const found = await findDraw(page.request, (q) => q.type === "multiple_choice" && WHY.test(q.prompt), {
    rounds: 6,
  });
  expect(found, "a quiz draws a question of cause").not.toBeNull();
  const { scope, quiz, index, question } = found!;

  await openAt(page, scopeUrl(scope), found!);
  const form = page.locator("form").filter({ has: page.getByTestId("question-prompt") });
  await expect(form.locator("input[type=radio]")).toHaveCount(4);
  await snap(page, "14-why-question");
  // Answered in the browser (saved as given), submitted through the API.
  await form.locator("input[type=radio]").last().check();
  await expect(page.getByText("Saved", { exact: true })).toBeVisible();

  // The marked result (read through the API only after submitting) says which choice is right.
  const result = await submitAttempt(page.request, quiz.attemptId);
  const expected = String(result.items[index]!.expected);
  await page.goto(`/attempts/${quiz.attemptId}`);
  const item = page.getByTestId("feedback-item").nth(index);
  await expect(item).toContainText(question.prompt);
  await expect(item).toContainText(expected);
  // The sentence the question comes from, linked to its paragraph in the lesson.
  await expect(item.locator('a[href^="/lessons/"][href*="#p-"]').first()).toBeVisible();
  await expect(item).not.toContainText("No answer");
  await item.evaluate((el) => el.scrollIntoView({ block: "center" }));
  await snap(page, "15-why-feedback");
});

test("[MODULE TEST]: the statement's module test asks how the two texts judge the same event", async ({
  browser,
}) => {
  const { page } = await newPerson(browser, "Tour Tester");
  await page.setViewportSize({ width: 1200, height: 860 });
  const [article, statement] = getGuide().modules;
  const shorter = statement!.lessons.length < article!.lessons.length ? statement! : article!;

  const found = await findDraw(page.request, (q) => /^How do the .+ judge\b/.test(q.prompt), { rounds: 1 });
  expect(found, "a module test draws the comparison").not.toBeNull();
  expect(found!.scope).toEqual({ moduleSlug: shorter.slug });
  await openAt(page, `/modules/${shorter.slug}/test`, found!);
  const choices = page.locator("form input[type=radio]");
  await expect(choices).toHaveCount(4);
  // Every option states a judgment of each text (or of both).
  for (const label of await page.locator("form label").allInnerTexts())
    if (label.trim()) expect(label).toMatch(/^(?:The statement|The article|Both texts):/);
  await snap(page, "16-two-texts");
});
