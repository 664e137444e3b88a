import { expect, test } from "@playwright/test";
import { checkPage, newPerson } from "./helpers/people";

/**
 * The teacher's main path with two people in two browsers: a teacher creates a class, a learner
 * joins it by code, the teacher edits a question in the review queue and assigns the module
 * (reviewed questions only, with a due date), the learner sees it and takes the quiz (showing
 * the edited question), the gradebook shows the score and the CSV downloads. Every new page is
 * checked with axe, light and dark, at 375 px.
 */

test("[TEACH]: class, join by code, review edit, assignment, quiz, gradebook and CSV", async ({
  browser,
}) => {
  test.setTimeout(480_000);
  const teacher = (await newPerson(browser, "Tess Teacher", "Europe/London")).page;
  const learner = (await newPerson(browser, "Lou Learner", "America/New_York")).page;

  // The teacher creates a class and reads its join code.
  await teacher.getByRole("link", { name: "Teach a class" }).click();
  await expect(teacher).toHaveURL(/\/teach$/);
  await teacher.getByLabel("Class name").fill("History 9B");
  await teacher.getByRole("button", { name: "Create class" }).click();
  await expect(teacher).toHaveURL(/\/teach\/classes\/[\w-]+$/);
  const classUrl = new URL(teacher.url()).pathname;
  const code = (await teacher.getByTestId("join-code").innerText()).trim();
  expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
  const joinLink = await teacher.getByTestId("join-link").getAttribute("href");

  // The learner joins by typing the code on their dashboard.
  await learner.getByLabel("Class code").fill(code.toLowerCase());
  await learner.getByRole("button", { name: "Join class" }).click();
  await expect(learner).toHaveURL(/\/dashboard\?joined=1/);
  await expect(learner.getByLabel("Your classes")).toContainText("History 9B");
  await teacher.reload();
  await expect(teacher.getByTestId("roster")).toContainText("Lou Learner");

  // The teacher edits a multiple-choice question of the first lesson in the review queue.
  await teacher.goto("/teach/review");
  await teacher.locator("main section ol a").first().click();
  await expect(teacher).toHaveURL(/\/teach\/review\/[\w-]+$/);
  const lessonSlug = new URL(teacher.url()).pathname.split("/").pop()!;
  const item = teacher.getByTestId("review-item").filter({ hasText: "(key)" }).first();
  await item.getByRole("button", { name: "Edit" }).click();
  const edited = "Edited by the teacher: who is the answer here?";
  await item.getByLabel("Prompt").fill(edited);
  const key = await item.getByLabel(/Right answer/).inputValue();
  await item.getByRole("button", { name: "Save edit" }).click();
  await expect(item.getByRole("status")).toHaveText("Saved.");
  await expect(item).toContainText(/Edited by Tess Teacher/);

  // The teacher assigns the whole module, due on a Friday at 23:59 London time, reviewed questions only.
  await teacher.goto(`${classUrl}/assignments/new`);
  await teacher.getByLabel(/^Title/).fill("Week 1 reading");
  await teacher.getByLabel("Due").fill("2030-05-03T23:59");
  await teacher.getByLabel("In the timezone").selectOption("Europe/London");
  await teacher.getByLabel("Questions per quiz").fill("5");
  await teacher.getByLabel("Draw only questions a teacher has approved").check();
  await teacher.getByRole("button", { name: "Assign" }).click();
  await expect(teacher.getByRole("heading", { level: 1 })).toHaveText("Week 1 reading");
  await expect(teacher).toHaveURL(/\/assignments\/(?!new$)[\w-]+$/);
  const gradebookUrl = new URL(teacher.url()).pathname;

  // The learner sees it, due in their own timezone (18:59 in New York), and starts the first lesson.
  await learner.goto("/dashboard");
  const assigned = learner.getByTestId("assigned-list");
  await expect(assigned).toContainText("Week 1 reading");
  await expect(assigned).toContainText(/Fri.*3 May 2030.*18:59/);
  await expect(assigned).toContainText("Not started");
  await learner.goto("/");
  await expect(learner.getByTestId("home-assigned")).toContainText("Week 1 reading");
  await learner.goto("/dashboard");
  await learner
    .getByRole("button", { name: /^Start quiz/ })
    .first()
    .click();
  await expect(learner).toHaveURL(new RegExp(`/lessons/${lessonSlug}/quiz$`));

  // Only the reviewed question is drawn, as edited; the learner answers it right and submits.
  await expect(learner.getByTestId("quiz-progress")).toContainText("of 1");
  await expect(learner.getByTestId("question-prompt")).toContainText(edited);
  await learner.getByRole("radio", { name: key, exact: true }).check();
  await learner.getByTestId("submit-quiz").click();
  await expect(learner.getByTestId("quiz-score")).toContainText("You scored 1 out of 1");

  // The learner reports the question; the teacher finds it from /teach through the review index.
  const report = learner.getByTestId("feedback-item").first().getByTestId("report-question");
  await report.getByText("Report this question").click();
  const reportForm = report.getByRole("form", { name: "Report question 1" });
  await reportForm.getByLabel("Two answers fit").check();
  await reportForm.getByRole("button", { name: "Send report" }).click();
  await expect(reportForm.getByRole("status")).toHaveText(/your report was saved/);
  await teacher.goto("/teach");
  await teacher.getByRole("link", { name: /^\d+ reported questions? to review$/ }).click();
  await expect(teacher).toHaveURL(/\/teach\/review$/);
  const reportedLesson = teacher.locator(`[data-testid="review-lesson"][data-lesson-slug="${lessonSlug}"]`);
  await reportedLesson.getByRole("link", { name: /^\d+ open reports?/ }).click();
  await expect(teacher).toHaveURL(new RegExp(`/teach/review/${lessonSlug}#reported$`));
  await expect(teacher.locator("#reported").getByTestId("review-reports")).toBeInViewport();
  await expect(
    teacher.getByTestId("review-item").filter({ hasText: edited }).getByTestId("review-reports"),
  ).toContainText("two answers fit (");

  await learner.goto("/dashboard");
  await expect(learner.getByTestId("assigned-list")).toContainText("Passed");

  // The gradebook shows the score; the cell opens the learner's answers with the evidence.
  await teacher.goto(gradebookUrl);
  const grid = teacher.getByTestId("gradebook");
  const row = grid.getByRole("row").filter({ hasText: "Lou Learner" });
  await expect(row).toContainText("100%");
  await expect(row).toContainText("Passed");
  await row.getByRole("link", { name: /Lou Learner, .*100 %/ }).click();
  await expect(teacher.getByTestId("feedback-item").first()).toContainText(edited);
  const learnerUrl = new URL(teacher.url()).pathname;

  // The CSV downloads, one row per learner.
  await teacher.goto(gradebookUrl);
  const [download] = await Promise.all([
    teacher.waitForEvent("download"),
    teacher.getByTestId("csv-download").click(),
  ]);
  const csv = await (await download.createReadStream()).toArray();
  const text = Buffer.concat(csv).toString("utf8");
  expect(text.split("\r\n")[0]).toMatch(/^\uFEFFName,Email,Membership,/);
  expect(text).toMatch(/Lou Learner,lou-[^,]+,current,100,Passed/);

  // A learner gets a 404 on the teacher's pages.
  const denied = await learner.goto(gradebookUrl);
  expect(denied?.status()).toBe(404);

  // Accessibility of every new page.
  for (const url of [
    "/teach",
    classUrl,
    `${classUrl}/assignments/new`,
    gradebookUrl,
    learnerUrl,
    "/teach/review",
    `/teach/review/${lessonSlug}`,
  ])
    await checkPage(teacher, url);
  await checkPage(learner, "/dashboard");
  await checkPage(learner, joinLink!);
});
