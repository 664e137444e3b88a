import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { getGuide } from "../app/lib/content";
import { e2eDatabaseUrl } from "./playwright.config";
import { ownAddressHeaders } from "./helpers/people";

const root = path.resolve(import.meta.dirname, "..");
const uniqueEmail = (label: string) =>
  `${label}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.org`;

/** Seeds an account through the real CLI (npm run user:create), against the e2e database only. */
function createUser(email: string, password: string) {
  execFileSync(
    process.execPath,
    [
      "--conditions=react-server",
      "--import",
      "tsx",
      "scripts/user-create.ts",
      "--email",
      email,
      "--name",
      "Sam Secure",
      "--password",
      password,
    ],
    { cwd: root, env: { ...process.env, DATABASE_URL: e2eDatabaseUrl }, stdio: "pipe" },
  );
}

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

/** A credentials sign-in through the API, as next-auth's client does it. */
async function apiSignIn(request: APIRequestContext, email: string, password: string) {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  return request.post("/api/auth/callback/credentials", {
    form: { email, password, csrfToken, json: "true", callbackUrl: "/dashboard" },
  });
}

test("[SECURITY]: five wrong passwords, then a clear wait message (429 with Retry-After), the same for an unknown email", async ({
  page,
}) => {
  const email = uniqueEmail("throttled");
  const password = "the right password";
  createUser(email, password);
  // Sign-ins also count per client address (60 a minute, with every sign-up of the run); an
  // address of its own keeps this test's 13 attempts from adding up across repeats and retries.
  await page.context().setExtraHTTPHeaders(ownAddressHeaders());
  const request = page.request;

  await page.goto("/sign-in");
  const alert = page.getByRole("form", { name: "Sign in" }).getByRole("alert");
  await page.getByLabel("Email").fill(email);
  for (let i = 0; i < 5; i++) {
    await page.getByLabel("Password", { exact: true }).fill(`wrong guess ${i}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    // Disabled while the attempt runs: once enabled again, the alert is this attempt's answer.
    await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
    await expect(alert).toHaveText("The email or password is incorrect.");
  }
  // Now even the right password waits.
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(alert).toHaveText(/^Too many attempts\. Please wait \d+ seconds and try again\.$/);
  await expect(page).toHaveURL(/\/sign-in$/);

  const known = await apiSignIn(request, email, password);
  expect(known.status()).toBe(429);
  expect(Number(known.headers()["retry-after"])).toBeGreaterThan(0);
  expect(((await known.json()) as { error: string }).error).toMatch(/^Too many attempts\./);

  // An email with no account: the same answers, so nobody learns which emails exist.
  const unknown = uniqueEmail("nobody");
  for (let i = 0; i < 5; i++) expect((await apiSignIn(request, unknown, `guess ${i}`)).status()).toBe(401);
  const refused = await apiSignIn(request, unknown, password);
  expect(refused.status()).toBe(429);
  expect(Number(refused.headers()["retry-after"])).toBeGreaterThan(0);
  expect(((await refused.json()) as { error: string }).error).toMatch(/^Too many attempts\./);
});
