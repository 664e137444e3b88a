import { expect, test, type Page } from "@playwright/test";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { e2eDatabaseUrl } from "./playwright.config";

/**
 * The demo class (`npm run demo:seed`) as its teacher sees it: their classes, the class with its
 * roster, the gradebook of the past-due "Week 1", and the review queue with item analysis over
 * the class. With TOUR_SCREENSHOTS=1 it saves the README's teacher pictures to e2e/tour/.
 */
const root = path.resolve(import.meta.dirname, "..");
const shoot = process.env.TOUR_SCREENSHOTS === "1";
async function snap(page: Page, name: string) {
  if (shoot)
    await page.screenshot({ path: path.join(import.meta.dirname, "tour", `${name}.png`), fullPage: false });
}

test("[TEACH]: the demo class as its teacher sees it: classes, roster, gradebook, item analysis", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const out = execFileSync(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "scripts/demo-seed.ts"],
    { cwd: root, env: { ...process.env, DATABASE_URL: e2eDatabaseUrl }, stdio: "pipe", encoding: "utf8" },
  );
  const classUrl = /(\/teach\/classes\/[\w-]+)/.exec(out)?.[1] ?? "";
  expect(classUrl).not.toBe("");

  await page.setViewportSize({ width: 1200, height: 860 });
  await page.goto("/sign-in?callbackUrl=%2Fteach");
  await page.getByLabel("Email").fill("teacher@demo.example");
  await page.getByLabel("Password", { exact: true }).fill("demo password 1917");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/teach$/);
  await expect(page.getByRole("main")).toContainText("30 learners");
  await snap(page, "8-teach");

  await page.goto(classUrl);
  await expect(page.getByTestId("roster").getByRole("row")).toHaveCount(31);
  await snap(page, "9-class");

  await page.getByRole("link", { name: /^Week 1/ }).click();
  const grid = page.getByTestId("gradebook");
  await expect(grid.locator("tbody tr")).toHaveCount(30);
  await expect(grid).toContainText(/Late|Overdue/);
  await snap(page, "10-gradebook");

  await page.getByRole("region", { name: "Questions and item analysis" }).getByRole("link").first().click();
  await expect(page).toHaveURL(/\/teach\/review\/[\w-]+\?class=/);
  await expect(page.getByRole("main")).toContainText(/Statistics over \d+ submitted quizzes of this class/);
  // The first question with choices: how often each wrong one was chosen.
  // (Not one another spec edited, so the picture is the same after a full run.)
  const choice = page
    .getByTestId("review-item")
    .filter({ hasText: "(key)" })
    .filter({ hasNotText: "Edited by" })
    .first();
  await expect(choice).toContainText(/chosen \d+×/);
  await choice.evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 80));
  await snap(page, "11-review-item-analysis");
});
