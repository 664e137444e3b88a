import { expect, test, type Browser, type Page } from "@playwright/test";
import { createHash } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";

export const PASSWORD = "red and black october";

export function uniqueEmail(label: string) {
  return `${label}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.org`;
}

/**
 * Headers that give this run of the current test a client address of its own (the e2e server
 * trusts no proxy, so it takes the last X-Forwarded-For entry as the client's address). Throttles
 * per address then count only this run's attempts, not those of other tests, repeats or retries.
 */
export function ownAddressHeaders(): Record<string, string> {
  const { titlePath, repeatEachIndex, retry } = test.info();
  const byTest = createHash("sha256").update(titlePath.join(" > ")).digest()[0]!;
  return { "x-forwarded-for": `10.${byTest}.${repeatEachIndex % 256}.${retry + 1}` };
}

/** A new browser context with a freshly signed-up learner (on their dashboard). */
export async function newPerson(
  browser: Browser,
  name: string,
  timezone = "Europe/London",
): Promise<{ page: Page; email: string }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const email = uniqueEmail(name.split(" ")[0]!.toLowerCase());
  await page.goto("/sign-up");
  await page.getByLabel("Display name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByLabel("Timezone").selectOption(timezone);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  return { page, email };
}

/** Creates a class from the teacher area; returns its page path and join code. */
export async function createClass(page: Page, name: string): Promise<{ classUrl: string; code: string }> {
  await page.goto("/teach");
  await page.getByLabel("Class name").fill(name);
  await page.getByRole("button", { name: "Create class" }).click();
  await expect(page).toHaveURL(/\/teach\/classes\/[\w-]+$/);
  const code = (await page.getByTestId("join-code").innerText()).trim();
  return { classUrl: new URL(page.url()).pathname, code };
}

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

/**
 * axe in light and dark at 375 px, and no sideways scrolling of the page itself. `prepare`
 * runs after each load (e.g. to open a disclosure before the scan).
 */
export async function checkPage(page: Page, url: string, prepare?: (page: Page) => Promise<void>) {
  const size = page.viewportSize();
  await page.setViewportSize({ width: 375, height: 800 });
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await page.goto(url);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    if (prepare) await prepare(page);
    expect(await seriousViolations(page), `${url} (${colorScheme})`).toEqual([]);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, `${url} scrolls sideways at 375 px`).toBeLessThanOrEqual(0);
  }
  await page.emulateMedia({ colorScheme: "light" });
  if (size) await page.setViewportSize(size);
}
