import { expect, test, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { getGuide } from "../app/lib/content";
import { e2eDatabaseUrl } from "./playwright.config";

/** The part of POST /api/attempts' answer these tests read. */
type StartedQuiz = { data: { quiz: { attemptId: string } } };

const root = path.resolve(import.meta.dirname, "..");

/** A unique email per test so tests never depend on each other's accounts. */
function uniqueEmail(label: string) {
  return `${label}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.org`;
}

/** Seeds an account through the real CLI (npm run user:create), against the e2e database only. */
function createUser(user: { email: string; name: string; password: string; role?: string }) {
  execFileSync(
    process.execPath,
    [
      "--conditions=react-server",
      "--import",
      "tsx",
      "scripts/user-create.ts",
      "--email",
      user.email,
      "--name",
      user.name,
      "--password",
      user.password,
      "--role",
      user.role ?? "learner",
    ],
    { cwd: root, env: { ...process.env, DATABASE_URL: e2eDatabaseUrl }, stdio: "pipe" },
  );
}

const header = (page: Page) => page.getByRole("navigation", { name: "Main" });

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
}

test("[AUTH]: sign up → signed in with the name in the header → sign out → sign in again", async ({
  page,
}) => {
  const email = uniqueEmail("signup");
  const name = "Ann Playwright";
  const password = "red and black october";

  await page.goto("/sign-up");
  await expect(page.getByRole("heading", { level: 1, name: "Create an account" })).toBeVisible();
  await page.getByLabel("Display name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  // The timezone island defaults to the browser's zone; pick one explicitly to test the select.
  await page.getByLabel("Timezone").selectOption("Europe/Paris");
  await page.getByRole("button", { name: "Create account" }).click();

  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(header(page).getByText(name)).toBeVisible();

  // The server knows who we are: the account page renders the saved profile.
  await page.goto("/account");
  await expect(page.getByRole("heading", { level: 1, name: "Account" })).toBeVisible();
  await expect(page.getByText(email)).toBeVisible();
  await expect(page.getByLabel("Timezone")).toHaveValue("Europe/Paris");

  await header(page).getByRole("button", { name: "Sign out" }).click();
  await expect(header(page).getByRole("link", { name: "Sign in" })).toBeVisible();
  await expect(header(page).getByText(name)).toHaveCount(0);

  // Signed out: the account page sends us to sign in and back.
  await page.goto("/account");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Faccount$/);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(header(page).getByText(name)).toBeVisible();
});

test("[AUTH]: a wrong password shows a clear error and keeps the email", async ({ page }) => {
  const email = uniqueEmail("wrongpw");
  createUser({ email, name: "Boris Wrong", password: "the right password" });

  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill("not the right password");
  await page.getByRole("button", { name: "Sign in" }).click();

  await expect(page.getByRole("form", { name: "Sign in" }).getByRole("alert")).toHaveText(
    "The email or password is incorrect.",
  );
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByLabel("Email")).toHaveValue(email);
  await expect(header(page).getByRole("link", { name: "Sign in" })).toBeVisible();

  // The same account signs in with the right password (the CLI-created account works).
  await page.getByLabel("Password", { exact: true }).fill("the right password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(header(page).getByText("Boris Wrong")).toBeVisible();
});

test("[AUTH]: sign-up errors are shown on the fields, announced, and keyboard-reachable", async ({
  page,
}) => {
  const email = uniqueEmail("taken");
  createUser({ email, name: "Taken Already", password: "a long password" });

  await page.goto("/sign-up");
  await page.getByLabel("Display name").fill("Second Person");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill("short");
  // Keyboard only: Enter in a field submits the form.
  await page.getByLabel("Password", { exact: true }).press("Enter");

  const passwordField = page.getByLabel("Password", { exact: true });
  await expect(passwordField).toHaveAttribute("aria-invalid", "true");
  await expect(passwordField).toHaveAccessibleDescription(/Use at least 8 characters\./);
  await expect(page.getByRole("form", { name: "Create an account" }).getByRole("alert")).toHaveText(
    "Please correct the highlighted fields.",
  );
  await expect(passwordField).toBeFocused();

  await passwordField.fill("long enough password");
  await passwordField.press("Enter");
  const emailField = page.getByLabel("Email");
  await expect(emailField).toHaveAttribute("aria-invalid", "true");
  await expect(emailField).toHaveAccessibleDescription(/already exists/);
  await expect(page).toHaveURL(/\/sign-up$/);
});

test("[AUTH]: sign-in, sign-up and account pages have no serious axe violations, light and dark, at 375 px", async ({
  page,
}) => {
  await page.setViewportSize({ width: 375, height: 740 });
  const email = uniqueEmail("axe");
  createUser({ email, name: "Axe Person", password: "a long password" });
  const check = async (url: string) => {
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme });
      await page.goto(url);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      expect(await seriousViolations(page), `${url} (${colorScheme})`).toEqual([]);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, `${url} scrolls sideways at 375 px`).toBeLessThanOrEqual(0);
    }
  };
  await check("/sign-in");
  await check("/sign-up");
  await page.goto("/sign-in?callbackUrl=%2Faccount");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill("a long password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/account$/);
  await check("/account");
});

test("[AUTH]: a guest's quiz attempts move to the account on sign-up and on sign-in", async ({
  page,
  context,
}) => {
  const lessonSlug = getGuide().modules[0]!.lessons[0]!.slug;
  const guestCookie = async () => (await context.cookies()).find((c) => c.name === "rbo_guest");

  // A guest starts a quiz: the server sets an HttpOnly guest cookie.
  await page.goto("/");
  const started = await page.request.post("/api/attempts", { data: { lessonSlug } });
  expect(started.status()).toBe(201);
  const attemptId = ((await started.json()) as StartedQuiz).data.quiz.attemptId;
  const cookie = await guestCookie();
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax" });

  // Sign-up claims it and clears the cookie; the attempt now belongs to the account.
  const email = uniqueEmail("claim");
  await page.goto("/sign-up");
  await page.getByLabel("Display name").fill("Guest Turned Learner");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill("guest no more");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  expect(await guestCookie()).toBeUndefined();
  expect((await page.request.get(`/api/attempts/${attemptId}`)).status()).toBe(200);

  // Signed out, a second guest attempt is claimed by signing in (through next-auth's route).
  await header(page).getByRole("button", { name: "Sign out" }).click();
  await expect(header(page).getByRole("link", { name: "Sign in" })).toBeVisible();
  const second = await page.request.post("/api/attempts", {
    data: { lessonSlug: getGuide().modules[0]!.lessons[1]!.slug },
  });
  expect(second.status()).toBe(201);
  const secondId = ((await second.json()) as StartedQuiz).data.quiz.attemptId;
  expect(await guestCookie()).toBeDefined();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill("guest no more");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  expect(await guestCookie()).toBeUndefined();
  expect((await page.request.get(`/api/attempts/${secondId}`)).status()).toBe(200);
  expect((await page.request.get(`/api/attempts/${attemptId}`)).status()).toBe(200);
});

test("[AUTH]: the account page saves name, timezone and streak opt-in, and the header follows", async ({
  page,
}) => {
  const email = uniqueEmail("account");
  createUser({ email, name: "Old Name", password: "a long password" });
  await page.goto("/sign-in?callbackUrl=%2Faccount");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill("a long password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(header(page).getByText("Old Name")).toBeVisible();

  const profile = page.getByRole("form", { name: "Profile" });
  await profile.getByLabel("Display name").fill("New Name");
  await profile.getByLabel("Timezone").selectOption("America/New_York");
  await profile.getByLabel("Track my daily study streak").check();
  await profile.getByRole("button", { name: "Save changes" }).click();
  await expect(profile.getByRole("status")).toHaveText("Your profile has been saved.");
  await expect(header(page).getByText("New Name")).toBeVisible();

  await page.reload();
  await expect(page.getByRole("form", { name: "Profile" }).getByLabel("Display name")).toHaveValue(
    "New Name",
  );
  await expect(page.getByRole("form", { name: "Profile" }).getByLabel("Timezone")).toHaveValue(
    "America/New_York",
  );
  await expect(
    page.getByRole("form", { name: "Profile" }).getByLabel("Track my daily study streak"),
  ).toBeChecked();

  // An empty name is refused on the field and nothing changes.
  await page.getByRole("form", { name: "Profile" }).getByLabel("Display name").fill("   ");
  await page.getByRole("form", { name: "Profile" }).getByRole("button", { name: "Save changes" }).click();
  await expect(
    page.getByRole("form", { name: "Profile" }).getByLabel("Display name"),
  ).toHaveAccessibleDescription(/Enter your name\./);
  await expect(header(page).getByText("New Name")).toBeVisible();
});
