import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { getGuide } from "../app/lib/content";
import { answerCard, norm, takeBlankQuiz, type Key } from "./helpers/answers";
import { findDrawOfType, scopeUrl } from "./helpers/draws";

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

/** The first lesson whose drawn quiz has a question of `type`, started for this browser (or null). */
async function findQuizWith(page: Page, type: string) {
  for (const lesson of lessons) {
    const quiz = await startThroughApi(page.request, lesson.slug);
    const index = quiz.questions.findIndex((q) => q.type === type);
    if (index >= 0) return { lesson, quiz, index, question: quiz.questions[index]! };
  }
  return null;
}

async function quizWith(page: Page, type: string) {
  const found = await findQuizWith(page, type);
  if (!found) throw new Error(`no lesson draws a ${type} question`);
  return found;
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
  // Chronology questions live in lesson and module scope: search both, and retakes.
  const found = await findDrawOfType(page.request, "ordering");
  expect(found, "no lesson quiz, module test or retake drew an ordering question").toBeTruthy();
  const { scope, index, question } = found!;
  await page.goto(scopeUrl(scope));
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
  await expect(item.getByTestId("feedback-your-answer").locator("li")).toHaveText(
    shown.map((s) => new RegExp(`${escapeRe(s)}$`)),
  );
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

test("[LEARNER]: a review session has an end: at most 20 cards counting down, a missed card back once, a finish screen", async ({
  page,
}) => {
  test.setTimeout(150_000);
  await page.goto("/sign-up");
  await page.getByLabel("Display name").fill("Review End");
  await page.getByLabel("Email").fill(`review-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.org`);
  await page.getByLabel("Password", { exact: true }).fill("red and black october");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  const keys: Key[] = [];
  for (const lesson of lessons) {
    if (keys.length > 20) break;
    keys.push(...(await takeBlankQuiz(page, lesson.slug)));
  }
  expect(keys.length).toBeGreaterThan(20);

  await page.goto("/review");
  const left = page.getByTestId("review-session-left");
  await expect(left).toHaveText("20 cards left in this session");
  await expect(page.getByTestId("review-due-count")).toHaveText(`${keys.length} cards due in all`);

  const keyFor = async () => {
    const prompt = norm(await page.getByTestId("review-card").getByRole("heading", { level: 2 }).innerText());
    const key = keys.find((k) => k.prompt === prompt);
    expect(key, `a quiz question: ${prompt}`).toBeTruthy();
    return { prompt, key: key! };
  };

  // Miss the first card: the counter stays, since it will come back once.
  const missed = await keyFor();
  await answerCard(page.getByTestId("review-card"), missed.key, false);
  await page.getByTestId("review-submit").click();
  await expect(page.getByTestId("review-feedback")).toHaveAttribute("data-correct", "false");
  await expect(left).toHaveText("20 cards left in this session");
  await page.getByTestId("review-next").click();

  // Every other card right: the counter goes down by one each time.
  for (let n = 19; n >= 1; n--) {
    const { key } = await keyFor();
    await expect(page.getByTestId("review-card")).toHaveAttribute("data-retry", "false");
    await answerCard(page.getByTestId("review-card"), key, true);
    await page.getByTestId("review-submit").click();
    await expect(page.getByTestId("review-feedback")).toHaveAttribute("data-correct", "true");
    await expect(left).toHaveText(`${n} card${n === 1 ? "" : "s"} left in this session`);
    await page.getByTestId("review-next").click();
  }

  // The missed card comes back once, last; answered right, the session ends.
  await expect(page.getByTestId("review-card")).toHaveAttribute("data-retry", "true");
  expect((await keyFor()).prompt).toBe(missed.prompt);
  await answerCard(page.getByTestId("review-card"), missed.key, true);
  await page.getByTestId("review-submit").click();
  await expect(page.getByTestId("review-feedback")).toHaveAttribute("data-correct", "true");
  await expect(page.getByTestId("review-next")).toHaveText("Finish");
  await page.getByTestId("review-next").click();

  const finish = page.getByTestId("review-finish");
  await expect(finish.getByRole("heading", { level: 2 })).toBeFocused();
  await expect(page.getByTestId("review-finish-summary")).toHaveText(
    "20 cards reviewed, 19 right the first time; 1 of 1 missed card right on the second try.",
  );
  // The count of cards due when the page loaded is gone: the finish panel says what is due now.
  await expect(page.getByTestId("review-due-count")).toBeHidden();
  await expect(finish.getByTestId("review-reread").getByRole("link")).toHaveCount(1);
  await expect(finish.getByTestId("review-went-well")).toBeVisible();
  const further = keys.length - 20;
  await expect(finish.getByTestId("review-next-due-summary")).toContainText(
    `The card you missed comes back in a few minutes. ${further} more card${further === 1 ? " is" : "s are"} due now.`,
  );
  // Readable and accessible at 375 px, light and dark.
  await page.setViewportSize({ width: 375, height: 800 });
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(
      violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id),
    ).toEqual([]);
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await finish.getByRole("link", { name: "Start another session" }).click();
  await expect(left).toHaveText(`${Math.min(20, further + 1)} cards left in this session`);
});

interface ResultItemShape {
  question: { type: string; prompt: string };
  correct: boolean;
  expected: unknown;
  evidenceLinks: { text: string; href: string }[];
}

test("[LEARNER]: feedback teaches: misses summarised at the top, a false statement's change highlighted, another lesson's evidence named", async ({
  page,
}) => {
  // Blank quizzes through the API (with this browser's guest cookie) until both cases turn up.
  // Several false statements: one made by leaving words out strikes nothing through.
  const falseStatements: { attemptId: string; index: number }[] = [];
  const enough = () => falseStatements.length >= 6 && otherLesson;
  let otherLesson: { attemptId: string; index: number; slug: string; lessonSlug: string } | null = null;
  for (let round = 0; round < 2 && !enough(); round++) {
    for (const lesson of lessons) {
      if (enough()) break;
      const quiz = await startThroughApi(page.request, lesson.slug);
      const res = await page.request.post(`/api/attempts/${quiz.attemptId}/submit`, { data: {} });
      const items = ((await res.json()) as { data: { result: { items: ResultItemShape[] } } }).data.result
        .items;
      items.forEach((item, index) => {
        if (item.question.type === "true_false" && item.expected === "False")
          falseStatements.push({ attemptId: quiz.attemptId, index });
        const elsewhere = item.evidenceLinks.find((l) => !l.href.startsWith(`/lessons/${lesson.slug}#`));
        if (!otherLesson && elsewhere)
          otherLesson = {
            attemptId: quiz.attemptId,
            index,
            slug: elsewhere.href.replace(/^\/lessons\/([^#]+).*$/, "$1"),
            lessonSlug: lesson.slug,
          };
      });
    }
  }
  expect(falseStatements.length, "a drawn false true/false statement").toBeGreaterThan(0);
  const tf = falseStatements[0]!;

  await page.goto(`/attempts/${tf.attemptId}`);
  // The summary at the top lists every miss, linked to its feedback below.
  const overview = page.getByTestId("result-overview");
  await expect(overview.getByRole("heading", { level: 2 })).toHaveText(/^What you missed \(\d+\)$/);
  const total = await page.getByTestId("feedback-item").count();
  await expect(overview.getByRole("link", { name: /^Question \d+$/ })).toHaveCount(total);
  await overview.getByRole("link", { name: `Question ${tf.index + 1}`, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`#feedback-${tf.index + 1}$`));

  // Each false statement: the lesson's words highlighted; changed words struck out.
  let struck = 0;
  for (const f of falseStatements) {
    if (f !== tf) await page.goto(`/attempts/${f.attemptId}`);
    const change = page.getByTestId("feedback-item").nth(f.index).getByTestId("statement-change");
    await expect(change).toBeVisible();
    expect(await change.locator("mark").count()).toBeGreaterThan(0);
    struck += await change.locator("del").count();
  }
  expect(struck, "a false statement with words changed shows them struck out").toBeGreaterThan(0);

  if (otherLesson) {
    const other = otherLesson as { attemptId: string; index: number; slug: string };
    const title = lessons.find((l) => l.slug === other.slug)!.title;
    await page.goto(`/attempts/${other.attemptId}`);
    const item = page.getByTestId("feedback-item").nth(other.index);
    await expect(
      item.getByRole("link", { name: new RegExp(`^Read it in “${escapeRe(title)}”`) }).first(),
    ).toBeVisible();
    await expect(item).toContainText("(another lesson)");
  } else {
    test.info().annotations.push({ type: "note", description: "no draw cited another lesson" });
  }
});

test("[LEARNER]: a matching answer is marked pair by pair", async ({ page }) => {
  const found = await findDrawOfType(page.request, "matching");
  expect(found, "no lesson quiz, module test or retake drew a matching question").toBeTruthy();
  const { quiz, index, question } = found!;
  const left = question.left ?? [];
  const rights = question.right ?? [];
  expect(left.length, "a matching question shows its left column").toBeGreaterThan(0);
  // Pair the columns as listed: some pairs right, some (usually) wrong.
  const answer = left.map((l, i) => [l, rights[i % rights.length]!]);
  const saved = await page.request.put(`/api/attempts/${quiz.attemptId}/responses`, {
    data: { questionId: question.id, answer },
  });
  expect(saved.ok()).toBe(true);
  expect((await page.request.post(`/api/attempts/${quiz.attemptId}/submit`, { data: {} })).ok()).toBe(true);

  await page.goto(`/attempts/${quiz.attemptId}`);
  const item = page.getByTestId("feedback-item").nth(index);
  const marks = item.getByTestId("feedback-your-answer").locator("[data-mark]");
  await expect(marks).toHaveCount(answer.length);
  const right = await item.getByTestId("feedback-your-answer").locator('[data-mark="right"]').count();
  await expect(item.getByTestId("item-marks")).toHaveText(`${right} of ${answer.length} pairs right`);
});

function escapeRe(s: string) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
