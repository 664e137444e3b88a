import { expect, test, type Page } from "@playwright/test";
import { getGuide } from "../app/lib/content";

/**
 * The edges of the site: icons and the install manifest, robots.txt and the sitemap, breadcrumbs
 * that name the module, the guide's "See above." linked, and no console error on any page.
 */
const modules = getGuide().modules;
const lessons = modules.flatMap((m) => m.lessons);

/** Console errors and failed requests (a 404 favicon is both) while `visit` runs. */
async function consoleErrors(page: Page, visit: () => Promise<void>): Promise<string[]> {
  const errors: string[] = [];
  const onConsole = (m: { type(): string; text(): string }) => {
    if (m.type() === "error") errors.push(`${page.url()}: ${m.text()}`);
  };
  const onError = (e: Error) => errors.push(`${page.url()}: ${e.message}`);
  page.on("console", onConsole);
  page.on("pageerror", onError);
  try {
    await visit();
  } finally {
    page.off("console", onConsole);
    page.off("pageerror", onError);
  }
  return errors;
}

test("[SITE]: the favicon, app icons and web app manifest are served", async ({ page, request }) => {
  for (const path of ["/favicon.ico", "/icon.svg", "/icon1.png", "/icon2.png", "/apple-icon.png"]) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(200);
  }
  const manifest = await request.get("/manifest.webmanifest");
  expect(manifest.status()).toBe(200);
  const body = (await manifest.json()) as {
    name: string;
    start_url: string;
    icons: { src: string; sizes: string }[];
  };
  expect(body.start_url).toBe("/");
  expect(body.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(["192x192", "512x512"]));
  for (const icon of body.icons) expect((await request.get(icon.src)).status(), icon.src).toBe(200);

  await page.goto("/");
  await expect(page.locator('link[rel="manifest"]')).toHaveAttribute("href", "/manifest.webmanifest");
  await expect(page.locator('link[rel="icon"]').first()).toBeAttached();
  await expect(page.locator('link[rel="apple-touch-icon"]')).toBeAttached();
});

test("[SITE]: robots.txt points to a sitemap listing every public page", async ({ request }) => {
  const robots = await (await request.get("/robots.txt")).text();
  expect(robots).toMatch(/Disallow: \/api\//);
  expect(robots).toMatch(/Sitemap: https?:\/\/\S+\/sitemap\.xml/);
  const sitemap = await request.get("/sitemap.xml");
  expect(sitemap.status()).toBe(200);
  const locs = [...(await sitemap.text()).matchAll(/<loc>([^<]+)<\/loc>/g)].map(
    (m) => new URL(m[1]!).pathname,
  );
  expect(locs).toEqual(
    expect.arrayContaining([
      "/",
      "/references",
      ...modules.map((m) => `/modules/${m.slug}`),
      ...lessons.map((l) => `/lessons/${l.slug}`),
    ]),
  );
  expect(locs.some((p) => p.startsWith("/dashboard") || p.includes("/quiz"))).toBe(false);
});

test("[SITE]: quiz and result breadcrumbs name the module, since both modules have a lesson 6", async ({
  page,
}) => {
  for (const m of modules) {
    const lesson = m.lessons[5]!;
    await page.goto(`/lessons/${lesson.slug}/quiz`);
    const crumbs = page.getByRole("navigation", { name: "Breadcrumb" });
    await expect(crumbs).toContainText(m.title.split(":")[0]!);
    await expect(crumbs.getByRole("link", { name: "Lesson 6" })).toHaveAttribute(
      "href",
      `/lessons/${lesson.slug}`,
    );
    await expect(crumbs.getByRole("link", { name: m.title.split(":")[0]! })).toHaveAttribute(
      "href",
      `/modules/${m.slug}`,
    );
  }
});

test("[SITE]: the Lenin lesson's “See above.” links to the lesson about Ukraine", async ({ page }) => {
  const lenin = lessons.find((l) => l.slug.startsWith("how-did-lenin-contradict"))!;
  await page.goto(`/lessons/${lenin.slug}`);
  const link = page.getByTestId("cross-reference");
  await expect(link).toHaveText("“What happened in Ukraine?” (lesson 10)");
  await link.click();
  await expect(page).toHaveURL(/\/lessons\/what-happened-in-ukraine$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("What happened in Ukraine?");
});

test("[SITE]: no page logs a console error, for a guest or a signed-in learner", async ({ page }) => {
  const publicPages = [
    "/",
    "/references",
    "/sign-in",
    "/sign-up",
    ...modules.map((m) => `/modules/${m.slug}`),
  ];
  publicPages.push(...lessons.map((l) => `/lessons/${l.slug}`));
  const errors = await consoleErrors(page, async () => {
    for (const path of publicPages) {
      await page.goto(path);
      await page.waitForLoadState("networkidle");
    }
    // A quiz, its result, and a missing page (a 404 page is expected; an error in it is not).
    await page.goto(`/lessons/${lessons[0]!.slug}/quiz`);
    await page.getByTestId("start-quiz").click();
    await page.getByRole("button", { name: /^Submit now/ }).click();
    await page.getByTestId("confirm-submit-anyway").click();
    await expect(page.getByTestId("quiz-score")).toBeVisible();
    await page.getByRole("link", { name: "Link to this result" }).click();
    await expect(page.getByTestId("quiz-score")).toBeVisible();

    await page.goto("/sign-up");
    await page.getByLabel("Display name").fill("Console Check");
    await page
      .getByLabel("Email")
      .fill(`console-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.org`);
    await page.getByLabel("Password", { exact: true }).fill("red and black october");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page).toHaveURL(/\/dashboard$/);
    for (const path of ["/dashboard", "/review", "/account", "/"]) {
      await page.goto(path);
      await page.waitForLoadState("networkidle");
    }
  });
  expect(errors).toEqual([]);
});
