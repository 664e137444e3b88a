import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { getGuide } from "../app/lib/content";
import { e2eDatabaseUrl } from "./playwright.config";

const root = path.resolve(import.meta.dirname, "..");
const uniqueEmail = (label: string) =>
  `${label}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.org`;

/** Runs one of the account CLIs (npm run user:create / user:password) against the e2e database. */
function cli(script: string, args: string[]): string {
  return execFileSync(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", `scripts/${script}`, ...args],
    { cwd: root, env: { ...process.env, DATABASE_URL: e2eDatabaseUrl }, stdio: "pipe", encoding: "utf8" },
  );
}
const createUser = (email: string, password: string) =>
  cli("user-create.ts", ["--email", email, "--name", "Vera Sessions", "--password", password]);

/** Signs a context in through next-auth's credentials endpoint, as its client does. */
async function apiSignIn(request: APIRequestContext, email: string, password: string) {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", {
    form: { email, password, csrfToken, json: "true", callbackUrl: "/account" },
  });
  expect(response.status()).toBe(200);
}

async function signInHere(page: Page, email: string, password: string) {
  await page.goto("/sign-in?callbackUrl=%2Faccount");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

const signedInAs = async (page: Page, email: string) => {
  await page.goto("/account");
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByText(email)).toBeVisible();
};
const signedOut = async (page: Page) => {
  await page.goto("/account");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Faccount$/);
};

test("[AUTH]: changing the password needs the current one and signs out every other session", async ({
  page,
  browser,
}) => {
  const email = uniqueEmail("change");
  createUser(email, "my first password");
  const other = await browser.newContext();
  await apiSignIn(other.request, email, "my first password");
  const otherPage = await other.newPage();
  await signedInAs(otherPage, email);

  await signInHere(page, email, "my first password");
  await expect(page).toHaveURL(/\/account$/);
  const form = page.getByRole("form", { name: "Change password" });
  await form.getByLabel("Current password", { exact: true }).fill("not my password");
  await form.getByLabel("New password", { exact: true }).fill("my second password");
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByText("That is not your current password.")).toBeVisible();

  await form.getByLabel("Current password", { exact: true }).fill("my first password");
  await form.getByLabel("New password", { exact: true }).fill("password123");
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByText(/one of the most common ones/)).toBeVisible();

  await form.getByLabel("New password", { exact: true }).fill("my second password");
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByRole("status")).toHaveText(
    "Your password has been changed. Every other session has been signed out.",
  );

  await signedInAs(page, email); // this browser goes on
  await signedOut(otherPage); // the other one has ended
  await signInHere(otherPage, email, "my first password");
  await expect(otherPage.getByRole("form", { name: "Sign in" }).getByRole("alert")).toHaveText(
    "The email or password is incorrect.",
  );
  await signInHere(otherPage, email, "my second password");
  await expect(otherPage).toHaveURL(/\/account$/);
  await other.close();
});

test("[AUTH]: sign out everywhere else ends the other sessions and keeps this one", async ({
  page,
  browser,
}) => {
  const email = uniqueEmail("everywhere");
  createUser(email, "a sound password");
  const other = await browser.newContext();
  await apiSignIn(other.request, email, "a sound password");
  const otherPage = await other.newPage();
  await signedInAs(otherPage, email);

  await signInHere(page, email, "a sound password");
  await expect(page).toHaveURL(/\/account$/);
  await page.getByRole("button", { name: "Sign out everywhere else" }).click();
  await expect(page.getByRole("form", { name: "Sign out everywhere else" }).getByRole("status")).toHaveText(
    "Every other session has been signed out.",
  );

  await signedOut(otherPage);
  await signedInAs(page, email);
  await other.close();
});

test("[AUTH]: an administrator's temporary password must be changed at the next sign-in", async ({
  page,
}) => {
  const email = uniqueEmail("temporary");
  createUser(email, "forgotten password");
  const out = cli("user-password.ts", ["--email", email]);
  const temporary = /Temporary password \(shown once\): (\S+)/.exec(out)?.[1] ?? "";
  expect(temporary).toHaveLength(20);

  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(temporary);
  await page.getByRole("button", { name: "Sign in" }).click();
  // Every page sends the user to choose a password first.
  await expect(page).toHaveURL(/\/account\?change-password=1$/);
  await expect(page.getByText("You signed in with a temporary password.")).toBeVisible();
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/account\?change-password=1$/);

  const form = page.getByRole("form", { name: "Change password" });
  await form.getByLabel("Current password", { exact: true }).fill(temporary);
  await form.getByLabel("New password", { exact: true }).fill("my very own again");
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByRole("status")).toContainText("Your password has been changed.");
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/dashboard$/);
});

test("[AUTH]: download my data gives my account and attempts as JSON; deleting the account needs the password", async ({
  page,
}) => {
  const email = uniqueEmail("mydata");
  createUser(email, "keep this secret");
  await signInHere(page, email, "keep this secret");
  await expect(page).toHaveURL(/\/account$/);

  // One quiz started, so there is an attempt to find in the download.
  await page.goto(`/lessons/${getGuide().modules[0]!.lessons[0]!.slug}/quiz`);
  await page.getByTestId("start-quiz").click();
  await expect(page.getByTestId("quiz-progress")).toHaveText(/^Question 1 of \d+$/);

  await page.goto("/account");
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download my data" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^my-study-data-\d{4}-\d{2}-\d{2}\.json$/);
  const exported = JSON.parse(readFileSync(await download.path(), "utf8")) as {
    account: { email: string };
    attempts: { status: string; lesson: string }[];
    reviewCards: unknown[];
    lessonReads: unknown[];
  };
  expect(exported.account.email).toBe(email);
  expect(exported.attempts).toEqual([expect.objectContaining({ status: "in_progress" })]);
  expect(Array.isArray(exported.reviewCards) && Array.isArray(exported.lessonReads)).toBe(true);

  const form = page.getByRole("form", { name: "Delete my account" });
  await form.getByLabel("Your password, to confirm", { exact: true }).fill("wrong secret");
  await form.getByRole("button", { name: "Delete my account" }).click();
  await expect(form.getByText("That is not your password.")).toBeVisible();
  await form.getByLabel("Your password, to confirm", { exact: true }).fill("keep this secret");
  await form.getByRole("button", { name: "Delete my account" }).click();
  await expect(page).toHaveURL(/\/$/);
  await signedOut(page);
  await signInHere(page, email, "keep this secret");
  await expect(page.getByRole("form", { name: "Sign in" }).getByRole("alert")).toHaveText(
    "The email or password is incorrect.",
  );
});
