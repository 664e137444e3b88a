import { expect, test, type Page } from "@playwright/test";
import { getGuide } from "../app/lib/content";

const lesson = getGuide().modules[0]!.lessons[0]!;
const lessonUrl = `/lessons/${lesson.slug}`;
const quizUrl = `${lessonUrl}/quiz`;

function expectSecurityHeaders(headers: Record<string, string>, where: string) {
  const csp = headers["content-security-policy"] ?? "";
  expect(csp, where).toContain("default-src 'self'");
  expect(csp, where).toContain("object-src 'none'");
  expect(csp, where).toContain("base-uri 'self'");
  expect(csp, where).toContain("form-action 'self'");
  expect(csp, where).toContain("frame-ancestors 'none'");
  // The production server never allows eval, and no third-party origin appears anywhere.
  expect(csp, where).not.toContain("unsafe-eval");
  expect(csp, where).not.toMatch(/https?:\/\//);
  expect(headers["x-frame-options"], where).toBe("DENY");
  expect(headers["x-content-type-options"], where).toBe("nosniff");
  expect(headers["referrer-policy"], where).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"], where).toContain("camera=()");
}

test("[SECURITY]: a static lesson page, an API response and the quiz carry the security headers", async ({
  request,
}) => {
  const lessonPage = await request.get(lessonUrl);
  expect(lessonPage.status()).toBe(200);
  expectSecurityHeaders(lessonPage.headers(), "lesson");
  // Still served from the static cache: the headers did not make the page dynamic.
  expect(lessonPage.headers()["x-nextjs-cache"] ?? lessonPage.headers()["x-nextjs-prerender"]).toBeTruthy();

  const api = await request.get("/api/progress");
  expectSecurityHeaders(api.headers(), "api");
  const health = await request.get("/api/health");
  expectSecurityHeaders(health.headers(), "health");

  const quiz = await request.get(quizUrl);
  expect(quiz.status()).toBe(200);
  expectSecurityHeaders(quiz.headers(), "quiz");

  // HSTS only when the request came over HTTPS (as a TLS-terminating proxy reports it).
  expect(lessonPage.headers()["strict-transport-security"]).toBeUndefined();
  const overHttps = await request.get(lessonUrl, { headers: { "x-forwarded-proto": "https" } });
  expect(overHttps.headers()["strict-transport-security"]).toMatch(/^max-age=\d{7,}/);
});

/** Records CSP violations in the page (the DOM event) and on the console. */
async function watchViolations(page: Page) {
  const console: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(message.text())) console.push(message.text());
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    Object.assign(window, { __cspViolations: seen });
    document.addEventListener("securitypolicyviolation", (event) => {
      seen.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  return {
    async all() {
      const inPage = await page.evaluate(
        () => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [],
      );
      return [...inPage, ...console];
    },
  };
}

test("[SECURITY]: the main pages run without a single Content-Security-Policy violation", async ({
  page,
}) => {
  const violations = await watchViolations(page);
  const found: string[] = [];
  for (const url of [
    "/",
    `/modules/${getGuide().modules[0]!.slug}`,
    lessonUrl,
    "/references",
    "/sign-in",
    "/sign-up",
  ]) {
    await page.goto(url);
    await page.waitForLoadState("networkidle");
    found.push(...(await violations.all()).map((v) => `${url}: ${v}`));
  }
  // The quiz island: start, answer, move on (client-side code paths after hydration).
  await page.goto(quizUrl);
  await page.getByTestId("start-quiz").click();
  await expect(page.getByTestId("quiz-progress")).toHaveText(/^Question 1 of \d+$/);
  found.push(...(await violations.all()).map((v) => `quiz: ${v}`));
  expect(found).toEqual([]);

  // The watcher does see a violation when there is one: an image from another origin is refused.
  await page.evaluate(() => {
    const img = document.createElement("img");
    img.src = "https://third-party.invalid/pixel.png";
    document.body.append(img);
  });
  await expect.poll(async () => (await violations.all()).join("\n")).toContain("img-src");
});
