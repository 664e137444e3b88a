import { expect, test, type Page, type Response as PwResponse } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { getGuide } from "../app/lib/content";

const lesson = getGuide().modules[0]!.lessons[0]!;
const quizUrl = `/lessons/${lesson.slug}/quiz`;

/** axe violations that block a learner: serious or critical. */
async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

async function startQuiz(page: Page) {
  await page.goto(quizUrl);
  await page.getByTestId("start-quiz").click();
  await expect(page.getByTestId("quiz-progress")).toHaveText(/^Question \d+ of \d+$/);
}

/** Start the quiz of the first lesson whose intro promises at least `min` questions. */
async function startQuizOfAtLeast(page: Page, min: number) {
  for (const candidate of getGuide().modules.flatMap((m) => m.lessons)) {
    await page.goto(`/lessons/${candidate.slug}/quiz`);
    const intro = page.getByText(/\d+ questions? drawn from this lesson/);
    const count = (await intro.count()) ? Number(/(\d+)/.exec(await intro.innerText())?.[1]) : 0;
    if (count < min) continue;
    await page.getByTestId("start-quiz").click();
    await expect(page.getByTestId("quiz-progress")).toHaveText(/^Question \d+ of \d+$/);
    return;
  }
  throw new Error(`no lesson quiz has ${min} questions`);
}

async function totalQuestions(page: Page): Promise<number> {
  const text = (await page.getByTestId("quiz-progress").textContent()) ?? "";
  return Number(/of (\d+)/.exec(text)?.[1] ?? 0);
}

/** Answer the question on screen from what is visible (right or wrong does not matter here). */
async function answerCurrent(page: Page, n: number): Promise<string> {
  const form = page.locator("form").filter({ has: page.getByTestId("question-prompt") });
  if ((await form.locator("input[type=radio]").count()) > 0) {
    const radios = form.locator("input[type=radio]");
    const radio = radios.nth(n % (await radios.count()));
    await radio.check();
    return `radio:${await radio.getAttribute("value")}`;
  }
  if ((await form.getByTestId("blank-input").count()) > 0) {
    const text = `guess ${n}`;
    await form.getByTestId("blank-input").fill(text);
    return `text:${text}`;
  }
  if ((await form.getByTestId("ordering-list").count()) > 0) {
    await form.getByRole("button", { name: /down$/ }).first().click();
    return "ordering";
  }
  const selects = form.getByTestId("matching-select");
  for (let i = 0; i < (await selects.count()); i++)
    await selects.nth(i).selectOption({ index: 1 + ((i + n) % 2) });
  return "matching";
}

async function waitSaved(page: Page) {
  await expect(page.getByTestId("save-status")).toHaveText("Saved");
}

test("[QUIZ]: a guest takes lesson 1's quiz and sees the score and feedback with evidence links", async ({
  page,
}) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await startQuiz(page);
  const total = await totalQuestions(page);
  expect(total).toBeGreaterThan(0);
  expect(total).toBeLessThanOrEqual(10);
  for (let i = 0; i < total; i++) {
    await expect(page.getByTestId("quiz-progress")).toHaveText(`Question ${i + 1} of ${total}`);
    await expect(page.getByRole("progressbar")).toHaveAttribute(
      "aria-valuetext",
      `Question ${i + 1} of ${total}`,
    );
    await answerCurrent(page, i);
    // Usable at 375 px: nothing scrolls sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page.getByTestId(i === total - 1 ? "submit-quiz" : "next-question").click();
  }
  const score = page.getByTestId("quiz-score");
  await expect(score).toHaveText(new RegExp(`^You scored \\d+(\\.\\d+)? out of ${total}$`));
  await expect(score).toBeFocused();
  const items = page.getByTestId("feedback-item");
  await expect(items).toHaveCount(total);
  for (let i = 0; i < total; i++) {
    await expect(items.nth(i).getByRole("heading")).toHaveText(
      /Question \d+: (correct|incorrect|partly right)/,
    );
    await expect(items.nth(i).getByTestId("feedback-expected")).not.toBeEmpty();
  }
  await expect(page.getByRole("link", { name: "Sign up to keep this result" })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

  // The evidence link lands on the paragraph holding the sentence.
  // (A chronology question may cite sentences of several lessons, one link each.)
  const link = items.first().getByTestId("evidence-link").first();
  const href = (await link.getAttribute("href")) ?? "";
  expect(href).toMatch(/^\/lessons\/[\w-]+#[\w-]+$/);
  const evidence = ((await items.first().locator("blockquote p").first().textContent()) ?? "").trim();
  await link.click();
  await expect(page).toHaveURL(new RegExp(`${href}$`));
  await expect(page.locator(`[id="${href.split("#")[1]}"]`)).toContainText(evidence.slice(0, 40));
});

test("[QUIZ]: a learner reports a question from its feedback after submitting and sees it acknowledged", async ({
  page,
}) => {
  await startQuiz(page);
  const total = await totalQuestions(page);
  for (let i = 0; i < total; i++) {
    await answerCurrent(page, i);
    await page.getByTestId(i === total - 1 ? "submit-quiz" : "next-question").click();
  }
  await expect(page.getByTestId("quiz-score")).toBeVisible();
  const item = page.getByTestId("feedback-item").first();
  const report = item.getByTestId("report-question");
  await report.getByText("Report this question").click();
  const form = report.getByRole("form", { name: "Report question 1" });
  await form.getByLabel("Two answers fit").check();
  await form.getByLabel("Details (optional)").fill("Another name in the lesson fits the blank too.");
  await form.getByRole("button", { name: "Send report" }).click();
  await expect(form.getByRole("status")).toHaveText(/your report was saved/);
});

test("[QUIZ]: refreshing mid-quiz keeps the saved answers", async ({ page }) => {
  await startQuizOfAtLeast(page, 3);
  const total = await totalQuestions(page);
  expect(total).toBeGreaterThanOrEqual(3);
  const given: string[] = [];
  for (let i = 0; i < 2; i++) {
    given.push(await answerCurrent(page, i));
    await waitSaved(page);
    await page.getByTestId("next-question").click();
  }
  await page.reload();
  // Resumes at the first unanswered question, with the first two marked answered.
  await expect(page.getByTestId("quiz-progress")).toHaveText(`Question 3 of ${total}`);
  await expect(page.getByRole("button", { name: "Question 1, answered" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Question 2, answered" })).toBeVisible();
  await page.getByRole("button", { name: "Question 1, answered" }).click();
  const form = page.locator("form").filter({ has: page.getByTestId("question-prompt") });
  const first = given[0]!;
  if (first.startsWith("radio:"))
    await expect(form.locator("input[type=radio]:checked")).toHaveValue(first.slice(6));
  if (first.startsWith("text:")) await expect(form.getByTestId("blank-input")).toHaveValue(first.slice(5));

  // A typed answer is saved after a pause (debounced) and survives a reload too.
  await page.getByRole("button", { name: "Question 3, not answered" }).click();
  const third = await answerCurrent(page, 7);
  await waitSaved(page);
  await page.reload();
  await expect(page.getByRole("button", { name: "Question 3, answered" })).toBeVisible();
  if (third.startsWith("text:")) {
    await page.getByRole("button", { name: "Question 3, answered" }).click();
    await expect(page.getByTestId("blank-input")).toHaveValue(third.slice(5));
  }
});

/* ---------------------------------------------------------------- the answer key stays on the server */

type Expected = string | string[] | [string, string][];
interface ResultItem {
  question: {
    prompt: string;
    choices?: string[];
    items?: string[];
    left?: string[];
    right?: string[];
    type: string;
  };
  expected: Expected;
  evidence: string;
}

/** Undo the escaping a string may carry inside JSON, RSC payloads or HTML. */
function unescape(body: string): string {
  return body
    .replace(/\\u([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    .replace(/\\+"/g, '"')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&amp;/g, "&");
}

/** Field names that only an answer key or a graded result would carry. */
const KEY_MARKERS =
  /"(answer|accepted|expected|evidence|evidenceAnchor|evidenceHref|correct|isCorrect)"\s*:|data-correct=/;

/**
 * Everything in `bodies` that would tell the browser a right answer: key field names (in data
 * responses), the right answers of questions whose answer is not visible anyway (typed answers),
 * the right order of an ordering question, the right pairs of a matching one, and the evidence
 * sentences (a fill-in question's evidence contains its answer).
 */
function findLeaks(
  bodies: { url: string; type: string; text: string }[],
  items: ResultItem[],
  visible: string,
): string[] {
  const leaks: string[] = [];
  const seen = visible.toLowerCase();
  for (const body of bodies) {
    const text = unescape(body.text);
    const lower = text.toLowerCase();
    const isCode = /javascript|css/.test(body.type);
    if (!isCode) {
      const marker = KEY_MARKERS.exec(text);
      if (marker) leaks.push(`${body.url}: key field ${marker[0]}`);
    }
    // Lesson pages (prefetched by links) are the open book the questions come from: every
    // evidence sentence is there by design. Sentences and answers are looked for in what the
    // quiz itself sends: its page, its server actions and the attempts API.
    if (!isCode && !isQuizData(body.url)) continue;
    for (const item of items) {
      const expected = item.expected;
      // Bundled code is full of short English words; there only a whole sentence is evidence
      // of a bundled question bank.
      if (isCode) {
        for (const line of item.evidence.split("\n")) {
          if (line.length > 20 && lower.includes(line.toLowerCase()))
            leaks.push(`${body.url}: evidence in code "${line.slice(0, 50)}…"`);
        }
        continue;
      }
      if (typeof expected === "string") {
        if (
          expected.length >= 2 &&
          !seen.includes(expected.toLowerCase()) &&
          new RegExp(`\\b${escapeRe(expected.toLowerCase())}\\b`).test(lower)
        ) {
          leaks.push(`${body.url}: answer "${expected}"`);
        }
      } else {
        const sequence = JSON.stringify(expected).slice(1, -1); // e.g. "a","b","c" or ["l","r"],["l2","r2"]
        if (text.includes(sequence)) leaks.push(`${body.url}: ordered key ${sequence.slice(0, 60)}`);
      }
      for (const line of item.evidence.split("\n")) {
        if (line.length > 20 && !seen.includes(line.toLowerCase()) && lower.includes(line.toLowerCase())) {
          leaks.push(`${body.url}: evidence "${line.slice(0, 50)}…"`);
        }
      }
    }
  }
  return leaks;
}

function isQuizData(url: string): boolean {
  const { pathname } = new URL(url);
  return (
    /^\/lessons\/[^/]+\/quiz\b/.test(pathname) ||
    pathname.startsWith("/api/attempts") ||
    pathname.startsWith("/attempts/")
  );
}

function escapeRe(s: string) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

test("[QUIZ]: no answer key reaches the browser before the quiz is submitted", async ({ page }) => {
  let submitting = false;
  const pending: Promise<{ url: string; type: string; text: string } | null>[] = [];
  const beforeSubmit = new WeakSet<object>();
  page.on("request", (req) => {
    if (!submitting) beforeSubmit.add(req);
  });
  page.on("response", (res: PwResponse) => {
    if (!beforeSubmit.has(res.request())) return;
    pending.push(
      res
        .text()
        .then((text) => ({ url: res.url(), type: res.headers()["content-type"] ?? "", text }))
        .catch(() => null),
    );
  });

  await startQuiz(page);
  const total = await totalQuestions(page);
  for (let i = 0; i < total; i++) {
    await answerCurrent(page, i);
    if (i < total - 1) await page.getByTestId("next-question").click();
  }
  await waitSaved(page);
  await page.reload(); // the resumed page (HTML + RSC payload) is checked too
  await expect(page.getByTestId("quiz-progress")).toBeVisible();
  const attemptId = await page.locator("[data-attempt-id]").getAttribute("data-attempt-id");
  expect(attemptId).toBeTruthy();
  // Visit the last question again so the page is in its final state, then submit.
  await page.getByRole("button", { name: `Question ${total}, answered` }).click();
  const pageText = await page.locator("body").innerText();
  submitting = true;
  await page.getByTestId("submit-quiz").click();
  await expect(page.getByTestId("quiz-score")).toBeVisible();

  const bodies = (await Promise.all(pending)).filter(
    (b): b is { url: string; type: string; text: string } => b !== null,
  );
  expect(bodies.length).toBeGreaterThan(5);
  expect(bodies.some((b) => /text\/x-component/.test(b.type))).toBe(true); // server action replies were captured

  // The key, as the server reveals it after submission.
  const after = await page.request.get(`/api/attempts/${attemptId}`);
  expect(after.status()).toBe(200);
  const afterText = await after.text();
  const items = (JSON.parse(afterText) as { data: { result: { items: ResultItem[] } } }).data.result.items;
  expect(items).toHaveLength(total);
  const visible = [
    pageText,
    lesson.title,
    ...items.flatMap((i) => [
      i.question.prompt,
      ...(i.question.choices ?? []),
      ...(i.question.items ?? []),
      ...(i.question.left ?? []),
      ...(i.question.right ?? []),
    ]),
  ].join("\n");

  // The detector works: the same check on the graded result finds the key.
  expect(
    findLeaks(
      [
        {
          url: new URL(`/api/attempts/${attemptId}`, page.url()).href,
          type: "application/json",
          text: afterText,
        },
      ],
      items,
      visible,
    ).length,
  ).toBeGreaterThan(0);
  // …and finds nothing in anything the browser received before submitting.
  expect(findLeaks(bodies, items, visible)).toEqual([]);
});

test("[QUIZ]: axe finds no serious or critical violation on the quiz and the feedback, light and dark", async ({
  page,
}) => {
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(quizUrl);
    await expect(page.getByTestId("start-quiz").or(page.getByTestId("quiz-progress"))).toBeVisible();
    expect(await seriousViolations(page), `${scheme}: start`).toEqual([]);
    if (await page.getByTestId("start-quiz").isVisible()) await page.getByTestId("start-quiz").click();
    const total = await totalQuestions(page);
    for (let i = 0; i < total; i++) {
      await expect(page.getByTestId("quiz-progress")).toHaveText(`Question ${i + 1} of ${total}`);
      await answerCurrent(page, i);
      expect(await seriousViolations(page), `${scheme}: question ${i + 1}`).toEqual([]);
      await page.getByTestId(i === total - 1 ? "submit-quiz" : "next-question").click();
    }
    await expect(page.getByTestId("quiz-score")).toBeVisible();
    expect(await seriousViolations(page), `${scheme}: feedback`).toEqual([]);
  }
});

test("[QUIZ]: the whole quiz can be taken with the keyboard alone", async ({ page }) => {
  await page.goto(quizUrl);
  const focusedTestId = () =>
    page.evaluate(
      () => document.activeElement?.getAttribute("data-testid") ?? document.activeElement?.tagName ?? "",
    );
  for (let i = 0; i < 40 && (await focusedTestId()) !== "start-quiz"; i++) await page.keyboard.press("Tab");
  expect(await focusedTestId()).toBe("start-quiz");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("quiz-progress")).toBeVisible();
  const total = await totalQuestions(page);
  for (let i = 0; i < total; i++) {
    await expect(page.getByTestId("quiz-progress")).toHaveText(`Question ${i + 1} of ${total}`);
    // Focus moves to the question heading; Tab reaches the first control.
    await expect(page.locator("form h2")).toBeFocused();
    await page.keyboard.press("Tab");
    const form = page.locator("form").filter({ has: page.getByTestId("question-prompt") });
    const kind = await page.evaluate(() => {
      const el = document.activeElement as HTMLInputElement | null;
      return el?.tagName === "INPUT" ? el.type : (el?.tagName.toLowerCase() ?? "");
    });
    if (kind === "radio") {
      await page.keyboard.press("ArrowDown"); // arrow keys move the choice within the group
      await expect(form.locator("input[type=radio]:checked")).toHaveCount(1);
      await page.keyboard.press("Enter");
    } else if (kind === "text") {
      await page.keyboard.type("keyboard answer");
      await page.keyboard.press("Enter");
    } else if (kind === "button") {
      await page.keyboard.press("Enter"); // move the first item down
      await expect(page.getByTestId("quiz-announcer")).toContainText("moved to position 2");
      for (let t = 0; t < 20 && !/next-question|submit-quiz/.test(await focusedTestId()); t++)
        await page.keyboard.press("Tab");
      await page.keyboard.press("Enter");
    } else if (kind === "select") {
      const selects = form.getByTestId("matching-select");
      const count = await selects.count();
      for (let s = 0; s < count; s++) {
        await page.keyboard.press("ArrowDown");
        if (s < count - 1) await page.keyboard.press("Tab");
      }
      for (let t = 0; t < 20 && !/next-question|submit-quiz/.test(await focusedTestId()); t++)
        await page.keyboard.press("Tab");
      await page.keyboard.press("Enter");
    } else {
      throw new Error(`unexpected control: ${kind}`);
    }
  }
  await expect(page.getByTestId("quiz-score")).toBeFocused();
  await expect(page.getByTestId("feedback-item")).toHaveCount(total);
});

test("[QUIZ]: another visitor cannot see or change someone's attempt; bad input gets a 4xx and changes nothing", async ({
  page,
  browser,
}) => {
  await startQuiz(page);
  const attemptId = (await page.locator("[data-attempt-id]").getAttribute("data-attempt-id")) ?? "";
  await answerCurrent(page, 0);
  await waitSaved(page);

  const stranger = await browser.newContext();
  try {
    const other = await stranger.newPage();
    // A stranger (no cookie, then their own guest cookie) gets 404s, never the attempt.
    expect((await other.goto(`/attempts/${attemptId}`))?.status()).toBe(404);
    expect((await other.request.post(`/api/attempts/${attemptId}/submit`, { data: {} })).status()).toBe(401);
    const start = await other.request.post("/api/attempts", { data: { lessonSlug: lesson.slug } });
    expect(start.status()).toBe(201);
    const theirs = (await start.json()) as {
      data: { quiz: { attemptId: string; questions: { id: string }[] } };
    };
    expect((await other.request.post(`/api/attempts/${attemptId}/submit`, { data: {} })).status()).toBe(404);
    expect((await other.request.get(`/api/attempts/${attemptId}`)).status()).toBe(404);
    expect(
      (
        await other.request.put(`/api/attempts/${attemptId}/responses`, {
          data: { questionId: theirs.data.quiz.questions[0]!.id, answer: "x" },
        })
      ).status(),
    ).toBe(404);
  } finally {
    await stranger.close();
  }

  const api = page.request;
  // Malformed ids, a question outside the attempt, unknown fields, oversized bodies.
  expect((await api.post(`/api/attempts/not%20an%20id/submit`, { data: {} })).status()).toBe(400);
  expect(
    (
      await api.put(`/api/attempts/${attemptId}/responses`, {
        data: { questionId: "q-0000000000000000", answer: "x" },
      })
    ).status(),
  ).toBe(400);
  expect(
    (
      await api.put(`/api/attempts/${attemptId}/responses`, {
        data: { questionId: "q-1", answer: "x", extra: 1 },
      })
    ).status(),
  ).toBe(400);
  expect(
    (
      await api.put(`/api/attempts/${attemptId}/responses`, {
        data: { questionId: "q-1", answer: "x".repeat(20_000) },
      })
    ).status(),
  ).toBe(413);
  expect(
    (
      await api.put(`/api/attempts/${attemptId}/responses`, {
        data: { questionId: "q-1", answer: Array(50).fill("x") },
      })
    ).status(),
  ).toBe(400);
  expect((await api.post("/api/attempts", { data: { lessonSlug: "../../etc/passwd" } })).status()).toBe(400);
  expect((await api.post("/api/attempts", { data: { lessonSlug: "no-such-lesson" } })).status()).toBe(404);

  // The owner's attempt is untouched: still in progress with the one saved answer.
  const mine = await api.get(`/api/attempts/${attemptId}`);
  expect(mine.status()).toBe(200);
  const body = (await mine.json()) as { data: { status: string; quiz: { saved: Record<string, unknown> } } };
  expect(body.data.status).toBe("in_progress");
  expect(Object.keys(body.data.quiz.saved)).toHaveLength(1);

  // Submitting twice (a double click, a replay) gives one result.
  const [a, b] = await Promise.all([
    api.post(`/api/attempts/${attemptId}/submit`, { data: {} }),
    api.post(`/api/attempts/${attemptId}/submit`, { data: {} }),
  ]);
  const ra = (await a.json()) as { data: { alreadySubmitted: boolean; result: { score: number } } };
  const rb = (await b.json()) as { data: { alreadySubmitted: boolean; result: { score: number } } };
  expect([ra.data.alreadySubmitted, rb.data.alreadySubmitted].sort()).toEqual([false, true]);
  expect(ra.data.result.score).toBe(rb.data.result.score);
  // After submission, answers are refused.
  const closed = await api.put(`/api/attempts/${attemptId}/responses`, {
    data: { questionId: "q-1", answer: "x" },
  });
  expect(closed.status()).toBeGreaterThanOrEqual(400);
});

test("[QUIZ]: a lesson's quiz page shows a clear empty state or a start button, and unknown lessons 404", async ({
  page,
}) => {
  expect((await page.goto("/lessons/no-such-lesson/quiz"))?.status()).toBe(404);
  await page.goto(quizUrl);
  await expect(
    page.getByTestId("start-quiz").or(page.getByTestId("quiz-empty")).or(page.getByTestId("quiz-progress")),
  ).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(lesson.title);
});

test("[QUIZ]: the intro promises no more questions than the quiz draws, on a lesson whose bank shares evidence", async ({
  page,
}) => {
  // Kronstadt's bank has a true/false statement and a multiple-choice question on one sentence,
  // and a draw takes one question per sentence, so the quiz can be shorter than the bank.
  await page.goto("/lessons/what-happened-at-kronstadt-in-1921/quiz");
  const intro = page.getByText(/questions? drawn from this lesson/);
  await expect(intro).toHaveText(/^Up to \d+ questions? drawn from this lesson\./);
  const promised = Number(/(\d+)/.exec(await intro.innerText())?.[1]);
  await page.getByTestId("start-quiz").click();
  await expect(page.getByTestId("quiz-progress")).toHaveText(/^Question \d+ of \d+$/);
  expect(await totalQuestions(page)).toBeLessThanOrEqual(promised);
});

test("[QUIZ]: a guest's result is kept by signing up from the result, and stays private to the account", async ({
  page,
  browser,
}) => {
  await startQuiz(page);
  await answerCurrent(page, 0);
  await waitSaved(page);
  await page.getByRole("button", { name: /^Submit now/ }).click();
  await page.getByTestId("confirm-submit-anyway").click();
  await expect(page.getByTestId("quiz-score")).toBeVisible();
  const attemptLink = page.getByRole("link", { name: "Link to this result" });
  const resultPath = (await attemptLink.getAttribute("href")) ?? "";
  expect(resultPath).toMatch(/^\/attempts\/[\w-]+$/);

  await page.getByRole("link", { name: "Sign up to keep this result" }).click();
  await expect(page).toHaveURL(/\/sign-up\?callbackUrl=/);
  await page.getByLabel("Display name").fill("Quiz Keeper");
  await page
    .getByLabel("Email")
    .fill(`quiz-keeper-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.org`);
  await page.getByLabel("Password", { exact: true }).fill("keep my quiz result");
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-up"));

  // The attempt now belongs to the account: its result page renders, without the guest prompt.
  await page.goto(resultPath);
  await expect(page.getByTestId("quiz-score")).toHaveText(/^You scored \d+(\.\d+)? out of \d+$/);
  await expect(page.getByRole("link", { name: "Sign up to keep this result" })).toHaveCount(0);
  await expect(page.getByTestId("feedback-item").first()).toBeVisible();

  // Nobody else can open it.
  const stranger = await browser.newContext();
  try {
    expect((await (await stranger.newPage()).goto(resultPath))?.status()).toBe(404);
  } finally {
    await stranger.close();
  }
});
