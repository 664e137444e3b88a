import { expect, test, type Locator, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { getGuide } from "../app/lib/content";

/** The part of GET /api/progress these tests read. */
type ProgressBody = { data?: { lessons?: Record<string, { read: boolean; level: string }> } };

/**
 * Progress and review, end to end: a new learner signs up through the page, takes a quiz
 * (submitting it blank, so every question is missed), then finds the attempt on the dashboard,
 * the missed questions in /review, and a review answer moving the queue on.
 */

function uniqueEmail(label: string) {
  return `${label}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.org`;
}

async function signUp(page: Page, label: string) {
  await page.goto("/sign-up");
  await page.getByLabel("Display name").fill(`Progress ${label}`);
  await page.getByLabel("Email").fill(uniqueEmail(label));
  await page.getByLabel("Password", { exact: true }).fill("red and black october");
  await page.getByLabel("Timezone").selectOption("Europe/Paris");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
}

type Expected = { prompt: string; expected: string | string[] };

/** Prompt text as shown (blanks read "blank"), whitespace collapsed, for matching a review card to its quiz question. */
const norm = (text: string) => text.replace(/\s+/g, " ").trim();

async function cardPrompt(card: Locator): Promise<string> {
  return norm(await card.getByRole("heading", { level: 2 }).innerText());
}

/** The first lesson's slug and title, from the home page's lesson list. */
async function firstLesson(page: Page): Promise<{ slug: string; title: string }> {
  await page.goto("/");
  const link = page.locator("#modules ol a").first();
  const href = (await link.getAttribute("href")) ?? "";
  const title = (await link.getByTestId("lesson-title").innerText()).trim();
  return { slug: href.replace(/^\/lessons\//, ""), title };
}

/** Start the lesson's quiz and submit it with no answers; returns every question's key from the results. */
async function takeBlankQuiz(page: Page, slug: string): Promise<{ total: number; keys: Expected[] }> {
  await page.goto(`/lessons/${slug}/quiz`);
  await page.getByTestId("start-quiz").click();
  await expect(page.getByTestId("quiz-progress")).toBeVisible();
  const submitNow = page.getByRole("button", { name: /Submit now/ });
  if (await submitNow.count()) await submitNow.click();
  else await page.getByTestId("submit-quiz").click();
  await page.getByTestId("confirm-submit-anyway").click();
  await expect(page.getByTestId("quiz-score")).toContainText("You scored 0 out of");
  const items = page.getByTestId("feedback-item");
  const total = await items.count();
  const keys: Expected[] = [];
  for (let i = 0; i < total; i++) {
    const item = items.nth(i);
    const prompt = norm(await item.locator("p").first().innerText());
    const expectedEl = item.getByTestId("feedback-expected");
    const listItems = expectedEl.locator("li");
    const expected =
      (await listItems.count()) > 0
        ? (await listItems.allInnerTexts()).map((t) => t.trim())
        : (await expectedEl.innerText()).trim();
    keys.push({ prompt, expected });
  }
  return { total, keys };
}

async function dueCount(page: Page): Promise<number> {
  const text = await page.getByTestId("review-due-count").innerText();
  return Number(/(\d+) cards? due/.exec(text)?.[1] ?? NaN);
}

/** Answer the card on screen: rightly (with the key from the quiz results) or wrongly. */
async function answerCard(card: Locator, key: Expected, right: boolean) {
  const page = card.page();
  const radios = card.getByRole("radio");
  if (await radios.count()) {
    const labels = (await card.locator("label").allInnerTexts()).map((t) => t.trim());
    const target = right ? String(key.expected) : (labels.find((l) => l !== key.expected) ?? labels[0]!);
    await card.getByRole("radio", { name: target, exact: true }).check();
    return;
  }
  const blank = card.getByTestId("blank-input");
  if (await blank.count()) {
    await blank.fill(right ? String(key.expected) : "zzzz qqqq");
    return;
  }
  const ordering = card.getByTestId("ordering-list");
  if (await ordering.count()) {
    const wanted = key.expected as string[];
    const order = right ? wanted : [...wanted].reverse();
    for (let target = 0; target < order.length; target++) {
      for (let guard = 0; guard < 10; guard++) {
        const current = (await ordering.locator("li > span.flex-1").allInnerTexts()).map((t) => t.trim());
        const at = current.indexOf(order[target]!);
        if (at <= target) break;
        await ordering.getByRole("button", { name: `Move “${order[target]}” up` }).click();
      }
    }
    return;
  }
  const selects = card.getByTestId("matching-select");
  const pairs = (key.expected as string[]).map((t) => t.split(/\s*→\s*/) as [string, string]);
  const n = await selects.count();
  for (let i = 0; i < n; i++) {
    const select = selects.nth(i);
    const id = await select.getAttribute("id");
    const left = (await page.locator(`label[for="${id}"]`).innerText()).trim();
    const pair = pairs.find(([l]) => l === left);
    const rights = pairs.map(([, r]) => r);
    const value = right ? pair![1] : rights.find((r) => r !== pair?.[1])!;
    await select.selectOption(value);
  }
}

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

test("[PROGRESS]: guests are sent to sign in from the dashboard and the review page", async ({ page }) => {
  await page.goto("/review");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Freview$/);
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fdashboard$/);
  const res = await page.request.get("/api/progress");
  expect(res.status()).toBe(401);
  expect(res.headers()["cache-control"]).toContain("no-store");
});

test("[PROGRESS]: a quiz shows on the dashboard, its missed questions appear in /review, and a review answer updates the queue", async ({
  page,
}) => {
  await signUp(page, "flow");

  // A new learner: clear empty states.
  await expect(page.getByTestId("dashboard-welcome")).toBeVisible();
  await expect(page.getByTestId("dashboard-due-count")).toContainText("0");
  await expect(page.getByTestId("chart-empty")).toBeVisible();
  await page.goto("/review");
  await expect(page.getByTestId("review-empty")).toContainText("Nothing due");
  await expect(page.getByTestId("review-empty")).toContainText("Take a quiz");

  const lesson = await firstLesson(page);
  const { total, keys } = await takeBlankQuiz(page, lesson.slug);
  expect(total).toBeGreaterThan(1);

  // Dashboard: the attempt, linked to its result; the lesson started; every missed question due.
  await page.goto("/dashboard");
  await expect(page.getByTestId("dashboard-welcome")).toHaveCount(0);
  const recent = page.getByTestId("recent-attempt");
  await expect(recent).toHaveCount(1);
  await expect(recent.first()).toContainText(lesson.title);
  await expect(recent.first()).toContainText(`0/${total} (0%)`);
  await expect(recent.first()).toHaveAttribute("href", /^\/attempts\/[A-Za-z0-9_-]+$/);
  await expect(page.getByTestId("score-chart")).toBeVisible();
  await expect(page.locator(`[data-testid="mastery-cell"][data-lesson="${lesson.slug}"]`)).toHaveAttribute(
    "data-level",
    "started",
  );
  await expect(page.getByTestId("dashboard-due-count")).toContainText(String(total));

  // The home page's lesson list badges the lesson (client island, page stays static).
  await page.goto("/");
  await expect(
    page.locator(`#modules a[href="/lessons/${lesson.slug}"]`).first().getByTestId("lesson-badge"),
  ).toContainText("Started");
  const progress = await page.request.get("/api/progress");
  expect(progress.headers()["cache-control"]).toContain("private");
  expect(((await progress.json()) as ProgressBody).data?.lessons?.[lesson.slug]?.level).toBe("started");

  // Review: every missed question is due; the card shows no key.
  await page.goto("/review");
  expect(await dueCount(page)).toBe(total);
  const card = page.getByTestId("review-card");
  await expect(card).toBeVisible();
  const prompt = await cardPrompt(card);
  const key = keys.find((k) => k.prompt === prompt);
  expect(key, `the review card's prompt is one of the quiz's questions: ${prompt}`).toBeTruthy();

  // A right answer: feedback with the key and the evidence link, and one card fewer.
  await answerCard(card, key!, true);
  await page.getByTestId("review-submit").click();
  const feedback = page.getByTestId("review-feedback");
  await expect(feedback).toHaveAttribute("data-correct", "true");
  await expect(page.getByTestId("review-evidence-link").first()).toHaveAttribute(
    "href",
    /^\/lessons\/[a-z0-9-]+#.+/,
  );
  await expect(page.getByTestId("review-due-count")).toContainText(`${total - 1} card`);
  await expect(page.getByTestId("review-next")).toBeFocused();

  // Keyboard: Enter on the focused "Next card" button shows the next card.
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("review-card")).toBeVisible();
  const prompt2 = await cardPrompt(page.getByTestId("review-card"));
  expect(prompt2).not.toBe(prompt);
  const key2 = keys.find((k) => k.prompt === prompt2);
  expect(key2, `second card's prompt is one of the quiz's questions: ${prompt2}`).toBeTruthy();

  // A wrong answer: the key is shown, and the card stays due (it comes back a minute later).
  await answerCard(page.getByTestId("review-card"), key2!, false);
  await page.getByTestId("review-submit").click();
  await expect(page.getByTestId("review-feedback")).toHaveAttribute("data-correct", "false");
  await expect(page.getByTestId("review-expected")).not.toBeEmpty();
  await expect(page.getByTestId("review-due-count")).toContainText(`${total - 1} card`);

  // The queue is stored: a reload and the dashboard agree.
  await page.reload();
  expect(await dueCount(page)).toBe(total - 1);
  await page.goto("/dashboard");
  await expect(page.getByTestId("dashboard-due-count")).toContainText(String(total - 1));
});

test("[PROGRESS]: the dashboard and review pages have no serious accessibility violations (light, dark, 375 px)", async ({
  page,
}) => {
  await signUp(page, "axe");
  expect(await seriousViolations(page), "empty dashboard").toEqual([]);
  await page.goto("/review");
  expect(await seriousViolations(page), "empty review").toEqual([]);

  const lesson = await firstLesson(page);
  const { keys } = await takeBlankQuiz(page, lesson.slug);

  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await page.goto("/dashboard");
    await page.getByText("Show the scores as a table").click();
    expect(await seriousViolations(page), `dashboard (${colorScheme})`).toEqual([]);
    await page.goto("/review");
    await expect(page.getByTestId("review-card")).toBeVisible();
    expect(await seriousViolations(page), `review card (${colorScheme})`).toEqual([]);
  }

  // Feedback state, and readable at 375 px: nothing wider than the screen.
  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto("/review");
  const card = page.getByTestId("review-card");
  const prompt = await cardPrompt(card);
  await answerCard(
    card,
    keys.find((k) => k.prompt === prompt)!,
    false,
  );
  await page.getByTestId("review-submit").click();
  await expect(page.getByTestId("review-feedback")).toBeVisible();
  expect(await seriousViolations(page), "review feedback").toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await page.goto("/dashboard");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
});

test("[PROGRESS]: the daily streak is off by default and shows on the dashboard once opted in", async ({
  page,
}) => {
  await signUp(page, "streak");
  const lesson = await firstLesson(page);
  await takeBlankQuiz(page, lesson.slug);

  await page.goto("/dashboard");
  await expect(page.getByTestId("recent-attempt")).toHaveCount(1);
  await expect(page.getByTestId("dashboard-streak")).toHaveCount(0);

  await page.goto("/account");
  await page.getByLabel("Track my daily study streak").check();
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Your profile has been saved.")).toBeVisible();

  await page.goto("/dashboard");
  const streak = page.getByTestId("dashboard-streak");
  await expect(streak).toContainText(/1\s*day/);
  await expect(streak).toContainText("You studied today.");
});

test("[PROGRESS]: a lesson read to the end is remembered and badged on the home page", async ({ page }) => {
  await signUp(page, "reader");
  await page.goto("/");
  // The second lesson, so no quiz has touched it.
  const link = page.locator("#modules ol a").nth(1);
  const slug = ((await link.getAttribute("href")) ?? "").replace(/^\/lessons\//, "");
  await page.goto(`/lessons/${slug}`);
  const marker = page.getByTestId("lesson-end");
  await marker.scrollIntoViewIfNeeded();
  await expect(marker.getByRole("status")).toHaveText("✓ Marked as read");

  const progress = (await (await page.request.get("/api/progress")).json()) as ProgressBody;
  expect(progress.data?.lessons?.[slug]).toMatchObject({ read: true, level: "not_started" });
  await page.goto("/");
  await expect(
    page.locator(`#modules a[href="/lessons/${slug}"]`).first().getByTestId("lesson-badge"),
  ).toContainText("Read");
  await page.goto("/dashboard");
  await expect(page.locator(`[data-testid="mastery-cell"][data-lesson="${slug}"]`)).toContainText("Read");
});

test("[PROGRESS]: a quiz left half-done is offered by the dashboard's continue card and resumes with the answer kept", async ({
  page,
}) => {
  await signUp(page, "resumer");
  await expect(page.getByTestId("dashboard-welcome")).toContainText("Nothing here yet");
  // A lesson of the second module: the card must not fall back to the guide's first lesson.
  const lesson = getGuide().modules[1]!.lessons[0]!;
  await page.goto(`/lessons/${lesson.slug}/quiz`);
  await page.getByTestId("start-quiz").click();
  const total = Number(/of (\d+)/.exec((await page.getByTestId("quiz-progress").innerText()) ?? "")?.[1]);
  expect(total).toBeGreaterThan(1);
  const form = page.locator("form").filter({ has: page.getByTestId("question-prompt") });
  let given: string;
  if ((await form.locator("input[type=radio]").count()) > 0) {
    const radio = form.locator("input[type=radio]").last();
    await radio.check();
    given = `radio:${await radio.getAttribute("value")}`;
  } else if ((await form.getByTestId("blank-input").count()) > 0) {
    await form.getByTestId("blank-input").fill("a kept guess");
    given = "text:a kept guess";
  } else {
    await form.getByTestId("matching-select").first().selectOption({ index: 1 });
    given = "other";
  }
  await expect(page.getByTestId("save-status")).toHaveText("Saved");

  await page.goto("/dashboard");
  await expect(page.getByTestId("dashboard-welcome")).toHaveCount(0);
  const item = page.getByTestId("continue-card").getByTestId("continue-attempt");
  await expect(item).toContainText(`Continue your quiz: “${lesson.title}”`);
  await expect(item).toContainText(`1 of ${total} questions answered`);
  await item.getByRole("link", { name: "Continue your quiz" }).click();

  await expect(page).toHaveURL(new RegExp(`/lessons/${lesson.slug}/quiz$`));
  await expect(page.getByRole("button", { name: "Question 1, answered" })).toBeVisible();
  await page.getByRole("button", { name: "Question 1, answered" }).click();
  const back = page.locator("form").filter({ has: page.getByTestId("question-prompt") });
  if (given.startsWith("radio:"))
    await expect(back.locator("input[type=radio]:checked")).toHaveValue(given.slice(6));
  if (given.startsWith("text:")) await expect(back.getByTestId("blank-input")).toHaveValue(given.slice(5));
});
