import { expect, test, type Page } from "@playwright/test";
import { checkPage, newPerson } from "./helpers/people";
import { getGuide } from "../app/lib/content";

/**
 * Module tests: a learner takes one from the module page and sees it on the dashboard; a teacher
 * assigns a module test, the learner takes it from "Assigned to you" and the gradebook shows the
 * score. The module test page is checked with axe, light and dark, at 375 px.
 */

const [first, second] = getGuide().modules;

/**
 * Answer every choice question of the test on screen with its first option, leave the rest blank,
 * submit, and return the score shown.
 */
async function answerAndSubmit(page: Page): Promise<{ score: number; total: number }> {
  const progress = page.getByTestId("quiz-progress");
  await expect(progress).toContainText("Question 1 of");
  const total = Number(/of (\d+)/.exec(await progress.innerText())![1]);
  for (let i = 0; i < total; i++) {
    await expect(progress).toContainText(`Question ${i + 1} of ${total}`);
    const radios = page.locator("main section[aria-label='Module test'] input[type=radio]");
    if (await radios.count()) await radios.first().check();
    await page.getByTestId(i === total - 1 ? "submit-quiz" : "next-question").click();
  }
  const anyway = page.getByTestId("confirm-submit-anyway");
  await expect(page.getByTestId("quiz-score").or(anyway)).toBeVisible();
  if (await anyway.isVisible()) await anyway.click();
  const scored = await page.getByTestId("quiz-score").innerText();
  const m = /You scored (\d+) out of (\d+)/.exec(scored)!;
  return { score: Number(m[1]), total: Number(m[2]) };
}

test("[MODULE TEST]: a learner takes a module test and sees it on the dashboard", async ({ browser }) => {
  test.setTimeout(240_000);
  const learner = (await newPerson(browser, "Mo Learner")).page;
  const testUrl = `/modules/${second!.slug}/test`;

  // The module page and the end of its last lesson lead to the test.
  await learner.goto(`/modules/${second!.slug}`);
  await learner.getByTestId("module-test-link").click();
  await expect(learner).toHaveURL(new RegExp(`${testUrl}$`));
  await learner.goto(`/lessons/${second!.lessons.at(-1)!.slug}`);
  await expect(learner.getByTestId("module-test-call").getByRole("link")).toHaveAttribute("href", testUrl);

  await learner.goto(testUrl);
  const crumbs = learner.getByRole("navigation", { name: "Breadcrumb" });
  await expect(crumbs.getByRole("link", { name: second!.title.split(":")[0]! })).toBeVisible();
  await expect(crumbs).toContainText("Module test");
  await checkPage(learner, testUrl);

  await learner.getByTestId("start-quiz").click();
  const { score, total } = await answerAndSubmit(learner);
  expect(total).toBeGreaterThan(10);
  expect(total).toBeLessThanOrEqual(20);
  await expect(learner.getByTestId("feedback-item")).toHaveCount(total);
  const resultLink = learner.getByRole("link", { name: "Link to this result" });
  const resultUrl = (await resultLink.getAttribute("href"))!;

  const percent = Math.round((score / total) * 100);
  await learner.goto("/dashboard");
  const line = learner.getByTestId("module-test-score").filter({ hasText: /best/ });
  await expect(line).toHaveCount(1);
  await expect(line).toContainText(`best ${percent}%, last ${percent}% (1 attempt)`);
  await learner.goto(testUrl);
  await expect(learner.getByTestId("module-test-last-score")).toContainText(`${percent}%`);
  await checkPage(learner, testUrl);
  await checkPage(learner, resultUrl);

  // The JSON API starts a module test too, without the answer key; naming a lesson as well is refused.
  const api = await learner.request.post("/api/attempts", { data: { moduleSlug: second!.slug } });
  expect(api.status()).toBe(201);
  const body = (await api.json()) as {
    data: { quiz: { target: { kind: string }; questions: Record<string, unknown>[] } };
  };
  expect(body.data.quiz.target.kind).toBe("module");
  expect(body.data.quiz.questions.filter((q) => "answer" in q || "accepted" in q)).toEqual([]);
  const both = { moduleSlug: second!.slug, lessonSlug: second!.lessons[0]!.slug };
  expect((await learner.request.post("/api/attempts", { data: both })).status()).toBe(400);
});

test("[MODULE TEST]: a teacher assigns the module test, the learner takes it from Assigned to you, the gradebook shows the score", async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const teacher = (await newPerson(browser, "Tia Teacher")).page;
  const learner = (await newPerson(browser, "Lev Learner")).page;

  await teacher.getByRole("link", { name: "Teach a class" }).click();
  await teacher.getByLabel("Class name").fill("History 10A");
  await teacher.getByRole("button", { name: "Create class" }).click();
  await expect(teacher).toHaveURL(/\/teach\/classes\/[\w-]+$/);
  const classUrl = new URL(teacher.url()).pathname;
  const code = (await teacher.getByTestId("join-code").innerText()).trim();
  await learner.getByLabel("Class code").fill(code);
  await learner.getByRole("button", { name: "Join class" }).click();
  await expect(learner.getByLabel("Your classes")).toContainText("History 10A");

  await teacher.goto(`${classUrl}/assignments/new`);
  await teacher.getByLabel("Module", { exact: true }).selectOption(first!.slug);
  await teacher.getByLabel(/The module test/).check();
  await teacher.getByLabel("Due").fill("2030-05-03T23:59");
  await teacher.getByLabel("Pass mark (%)").fill("0");
  await teacher.getByRole("button", { name: "Assign" }).click();
  await expect(teacher).toHaveURL(/\/assignments\/(?!new$)[\w-]+$/);
  const gradebookUrl = new URL(teacher.url()).pathname;
  const column = `Module test: ${first!.title.split(":")[0]}`;
  await expect(teacher.getByRole("heading", { level: 1 })).toHaveText(column);

  await learner.goto("/dashboard");
  const assigned = learner.getByTestId("assigned-list");
  await expect(assigned).toContainText(column);
  await expect(assigned).toContainText("Not started");
  await assigned.getByRole("button", { name: /^Start test/ }).click();
  await expect(learner).toHaveURL(new RegExp(`/modules/${first!.slug}/test$`));
  const { score, total } = await answerAndSubmit(learner);
  expect(total).toBe(20);

  await learner.goto("/dashboard");
  await expect(learner.getByTestId("assigned-list")).toContainText("Passed");

  const percent = Math.round((score / total) * 1000) / 10;
  await teacher.goto(gradebookUrl);
  const grid = teacher.getByTestId("gradebook");
  await expect(grid.getByRole("columnheader", { name: new RegExp(column) })).toBeVisible();
  const row = grid.getByRole("row").filter({ hasText: "Lev Learner" });
  await expect(row).toContainText(`${percent}%`);
  await row.getByRole("link", { name: new RegExp(`Lev Learner, ${column}: ${percent} %`) }).click();
  await expect(teacher.getByTestId("feedback-item")).toHaveCount(total);
});
