import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { getGuide } from "../app/lib/content";

/**
 * A learner's answers are never lost, and the quiz asks before it throws any away: typed answers
 * survive a reload or a closed tab, a lost connection shows and recovers, submitting with blanks
 * asks first, and an ordering question can be accepted as shown.
 */
const lessons = getGuide().modules.flatMap((m) => m.lessons);
const firstLesson = lessons[0]!;

interface PublicQuestionShape {
  id: string;
  type: string;
  items?: string[];
}
interface QuizShape {
  attemptId: string;
  questions: PublicQuestionShape[];
  saved: Record<string, unknown>;
}

/** Start (or resume) a quiz through the API with the page's own cookies, so the page resumes it. */
async function startThroughApi(request: APIRequestContext, slug: string): Promise<QuizShape> {
  const res = await request.post("/api/attempts", { data: { lessonSlug: slug } });
  expect(res.ok()).toBe(true);
  const body = (await res.json()) as { data: { quiz: QuizShape } };
  return body.data.quiz;
}

/** The first lesson whose drawn quiz has a question of `type`, started for this browser. */
async function quizWith(page: Page, type: string) {
  for (const lesson of lessons) {
    const quiz = await startThroughApi(page.request, lesson.slug);
    const index = quiz.questions.findIndex((q) => q.type === type);
    if (index >= 0) return { lesson, quiz, index, question: quiz.questions[index]! };
  }
  throw new Error(`no lesson draws a ${type} question`);
}

async function savedOnServer(request: APIRequestContext, attemptId: string, questionId: string) {
  const res = await request.get(`/api/attempts/${attemptId}`);
  const body = (await res.json()) as { data: { quiz?: QuizShape } };
  return body.data.quiz?.saved[questionId];
}

const form = (page: Page) => page.locator("form").filter({ has: page.getByTestId("question-prompt") });

test("[LEARNER]: a typed answer survives a reload straight after typing, and a tab closed straight after typing", async ({
  page,
  context,
}) => {
  const { lesson, quiz, index, question } = await quizWith(page, "fill_blank");
  await page.goto(`/lessons/${lesson.slug}/quiz`);
  await page.getByRole("button", { name: new RegExp(`^Question ${index + 1},`) }).click();
  await form(page).getByTestId("blank-input").fill("Kronstadt sailors");
  await page.reload(); // no Enter, no pause

  await page.getByRole("button", { name: `Question ${index + 1}, answered` }).click();
  await expect(form(page).getByTestId("blank-input")).toHaveValue("Kronstadt sailors");
  await expect(page.getByTestId("save-status")).toHaveText("Saved");
  await expect.poll(() => savedOnServer(page.request, quiz.attemptId, question.id)).toBe("Kronstadt sailors");

  // Closing the tab right after typing still sends the answer (keepalive on page hide).
  await form(page).getByTestId("blank-input").fill("the Petrograd Soviet");
  await page.close({ runBeforeUnload: true });
  await expect
    .poll(() => savedOnServer(context.request, quiz.attemptId, question.id))
    .toBe("the Petrograd Soviet");
});

test("[LEARNER]: losing the connection shows the answer as not saved, and it is saved on reconnecting", async ({
  page,
  context,
}) => {
  await page.goto(`/lessons/${firstLesson.slug}/quiz`);
  await page.getByTestId("start-quiz").click();
  await expect(page.getByTestId("quiz-progress")).toHaveText(/^Question 1 of \d+$/);
  // Move to a question answered by choosing, so the save goes out at once.
  for (let i = 0; i < 10 && (await form(page).locator("input[type=radio]").count()) === 0; i++)
    await page.getByTestId("next-question").click();
  await context.setOffline(true);
  await form(page).locator("input[type=radio]").first().check();
  await expect(page.getByTestId("save-status")).toHaveText(/^Offline: your answer is kept/);
  await expect(page.getByTestId("quiz-answered")).toContainText("not all saved");

  // Submitting now would lose it: the quiz refuses and says why.
  await page.getByRole("button", { name: /^Submit now/ }).click();
  await page.getByTestId("confirm-submit-anyway").click();
  await expect(page.getByTestId("quiz-error")).toContainText("not saved yet");
  await expect(page.getByTestId("quiz-score")).toHaveCount(0);

  await expect(page.getByTestId("save-retry")).toBeVisible();

  // Back online, the answer goes out without the learner doing anything.
  await context.setOffline(false);
  await expect(page.getByTestId("save-status")).toHaveText("Saved");
  await expect(page.getByTestId("quiz-answered")).not.toContainText("not all saved");
});

test("[LEARNER]: submitting with unanswered questions asks first, says how many, and can go to the first", async ({
  page,
}) => {
  await page.goto(`/lessons/${firstLesson.slug}/quiz`);
  await page.getByTestId("start-quiz").click();
  const progress = page.getByTestId("quiz-progress");
  await expect(progress).toHaveText(/^Question 1 of \d+$/);
  const total = Number(/of (\d+)/.exec((await progress.textContent()) ?? "")?.[1]);
  const first = form(page);
  if ((await first.locator("input[type=radio]").count()) > 0)
    await first.locator("input[type=radio]").first().check();
  else if ((await first.getByTestId("blank-input").count()) > 0)
    await first.getByTestId("blank-input").fill("Lenin");
  else if ((await first.getByTestId("ordering-keep").count()) > 0)
    await first.getByTestId("ordering-keep").click();
  else await first.getByTestId("matching-select").first().selectOption({ index: 1 });
  await expect(page.getByRole("button", { name: "Question 1, answered" })).toBeVisible();

  await page.getByRole("button", { name: /^Submit now/ }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("heading")).toHaveText(`${total - 1} questions have no answer`);
  await expect(dialog).toContainText("will be marked wrong");
  // Escape keeps the quiz open, nothing submitted.
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("quiz-score")).toHaveCount(0);

  await page.getByRole("button", { name: /^Submit now/ }).click();
  await dialog.getByRole("button", { name: "Go to question 2" }).click();
  await expect(dialog).toBeHidden();
  await expect(progress).toHaveText(`Question 2 of ${total}`);

  await page.getByRole("button", { name: /^Submit now/ }).click();
  await dialog.getByRole("button", { name: "Submit anyway" }).click();
  await expect(page.getByTestId("quiz-score")).toHaveText(new RegExp(`out of ${total}$`));
});

test("[LEARNER]: an ordering question accepted in the order shown counts as an answer", async ({ page }) => {
  const { lesson, index, question } = await quizWith(page, "ordering");
  await page.goto(`/lessons/${lesson.slug}/quiz`);
  await page.getByRole("button", { name: new RegExp(`^Question ${index + 1},`) }).click();
  const list = form(page).getByTestId("ordering-list");
  const shown = (await list.locator("li > span.flex-1").allInnerTexts()).map((t) => t.trim());
  expect(shown).toEqual(question.items);
  await form(page).getByRole("button", { name: "Keep this order as my answer" }).click();
  await expect(form(page).getByTestId("ordering-set")).toBeVisible();
  await expect(page.getByTestId("save-status")).toHaveText("Saved");
  await expect(page.getByRole("button", { name: `Question ${index + 1}, answered` })).toBeVisible();

  await page.getByRole("button", { name: `Question ${index + 1}, answered` }).click();
  const submitNow = page.getByRole("button", { name: /^Submit now/ });
  if (await submitNow.count()) await submitNow.click();
  else await page.getByTestId("submit-quiz").click();
  await page.getByRole("button", { name: "Submit anyway" }).click();
  const item = page.getByTestId("feedback-item").nth(index);
  await expect(item.getByTestId("feedback-your-answer").locator("li")).toHaveText(shown);
});

test("[LEARNER]: every step leads on: lesson → quiz → result → reread, review, next lesson; home and dashboard say where to continue", async ({
  page,
}) => {
  const [first, second] = [lessons[0]!, lessons[1]!];
  await page.goto("/sign-up");
  await page.getByLabel("Display name").fill("Next Step");
  await page.getByLabel("Email").fill(`next-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.org`);
  await page.getByLabel("Password", { exact: true }).fill("red and black october");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);

  // The end of the lesson invites the quiz (no score yet).
  await page.goto(`/lessons/${first.slug}`);
  const call = page.getByTestId("lesson-quiz-call");
  await expect(call.getByRole("link", { name: "Take the quiz" })).toHaveAttribute(
    "href",
    `/lessons/${first.slug}/quiz`,
  );
  await expect(call.getByTestId("last-score")).toHaveCount(0);
  await call.getByRole("link", { name: "Take the quiz" }).click();

  // A blank quiz: everything missed.
  await page.getByTestId("start-quiz").click();
  await page.getByRole("button", { name: /^Submit now/ }).click();
  await page.getByTestId("confirm-submit-anyway").click();
  await expect(page.getByTestId("quiz-score")).toHaveText(/^You scored 0 out of (\d+)$/);
  const total = Number(/out of (\d+)/.exec((await page.getByTestId("quiz-score").textContent()) ?? "")?.[1]);
  const steps = page.getByTestId("result-next-steps");
  await expect(steps.getByTestId("next-lesson").getByRole("link")).toHaveAttribute(
    "href",
    `/lessons/${second.slug}`,
  );
  await expect(steps.getByTestId("next-review").getByRole("link")).toHaveText(
    `Review the ${total} questions you missed`,
  );
  const reread = steps.getByTestId("next-reread").getByRole("link");
  expect(await reread.count()).toBeGreaterThan(0);
  const href = (await reread.first().getAttribute("href")) ?? "";
  expect(href).toMatch(/^\/lessons\/[\w-]+#[\w-]+$/);

  // The result page (its own URL) offers the same steps.
  await page.getByRole("link", { name: "Link to this result" }).click();
  await expect(page.getByTestId("result-next-steps").getByTestId("next-lesson")).toContainText(second.title);

  // Reread lands on the paragraph.
  await page.getByTestId("result-next-steps").getByTestId("next-reread").getByRole("link").first().click();
  await expect(page).toHaveURL(new RegExp(`${href}$`));
  await expect(page.locator(`[id="${href.split("#")[1]}"]`)).toBeInViewport();

  // The lesson's quiz call and the quiz page now show the last score.
  await page.goto(`/lessons/${first.slug}`);
  await expect(page.getByTestId("lesson-quiz-call").getByTestId("last-score")).toContainText(
    "Your last score: 0%",
  );
  await page.goto(`/lessons/${first.slug}/quiz`);
  await expect(page.getByTestId("last-score")).toContainText("0%");

  // Dashboard and home: reviews due, and lesson 1 to practise.
  for (const path of ["/dashboard", "/"]) {
    await page.goto(path);
    const card = page.getByTestId("continue-card");
    await expect(card.getByTestId("continue-review")).toContainText(`${total} review cards are due`);
    await expect(card.getByTestId("continue-lesson")).toContainText(first.title);
    await expect(card.getByRole("link", { name: "Practise it" })).toHaveAttribute(
      "href",
      `/lessons/${first.slug}/quiz`,
    );
  }
  await page.getByTestId("continue-card").getByRole("link", { name: "Review now" }).click();
  await expect(page).toHaveURL(/\/review$/);
});
