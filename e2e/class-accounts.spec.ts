import { expect, test } from "@playwright/test";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { e2eDatabaseUrl } from "./playwright.config";
import {
  checkPage,
  createClass,
  newPerson,
  ownAddressHeaders,
  PASSWORD,
  uniqueEmail,
} from "./helpers/people";

/**
 * Accounts around classes, as people see them: guessing join codes is throttled, a guest
 * following a join link lands in the class after signing up (or in), a teacher sets a learner's
 * temporary password, and a learner who deletes their account leaves a "deleted learner" row.
 */

test("[SECURITY]: after five wrong class codes a learner is told to wait (429 with Retry-After from the API)", async ({
  browser,
}) => {
  const { page } = await newPerson(browser, "Gus Guesser");
  // Wrong codes also count per client address (30 in 15 minutes); an address of its own keeps
  // this test's guesses from adding up across repeats and retries on one server.
  await page.context().setExtraHTTPHeaders(ownAddressHeaders());
  const form = page.locator("form").filter({ has: page.getByLabel("Class code") });
  /**
   * One submission, waited for until the form has settled: React resets the form when the action
   * ends, so a guess typed in between the response and that reset would be wiped, and the next
   * click would submit an empty (required) field and never reach the server.
   */
  const tryCode = async (guess: string) => {
    await page.getByLabel("Class code").fill(guess);
    await Promise.all([
      page.waitForResponse(
        (r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/dashboard",
      ),
      page.getByRole("button", { name: "Join class" }).click(),
    ]);
    await expect(form).not.toHaveAttribute("aria-busy");
  };
  for (const guess of ["WRNG-3467", "WRNG-3469", "WRNG-346A", "WRNG-346C", "WRNG-346D"]) {
    await tryCode(guess);
    await expect(form.getByRole("status")).toContainText("That class code does not exist.");
  }
  await tryCode("WRNG-346E");
  await expect(form.getByRole("status")).toContainText(
    /Too many attempts\. Please wait (\d+ seconds|1 minute) and try again\./,
  );

  const response = await page.request.post("/api/classes/join", { data: { code: "WRNG-346F" } });
  expect(response.status()).toBe(429);
  expect(Number(response.headers()["retry-after"])).toBeGreaterThan(0);
  expect(await response.json()).toMatchObject({ ok: false, code: "too_many_requests" });
  await page.context().close();
});

test("[TEACH]: a guest following a join link signs up and lands in the class, joined; a returning learner signs in the same way", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const { page: teacher } = await newPerson(browser, "Tara Teacher");
  // A learner-role account that creates a class teaches it: the Teach link appears.
  await expect(teacher.getByRole("banner").getByRole("link", { name: "Teach", exact: true })).toHaveCount(0);
  const { code } = await createClass(teacher, "Kronstadt seminar");
  await teacher.goto("/dashboard");
  await expect(teacher.getByRole("banner").getByRole("link", { name: "Teach", exact: true })).toBeVisible();
  const joinLink = `/join/${code}`;

  const guestContext = await browser.newContext();
  const guest = await guestContext.newPage();
  await guest.goto(joinLink);
  await expect(guest.getByRole("main")).toContainText("Kronstadt seminar");
  await guest.getByRole("main").getByRole("link", { name: "Sign up" }).click();
  await expect(guest.getByText("Once your account is ready you will be in the class")).toBeVisible();
  await checkPage(guest, new URL(guest.url()).pathname + new URL(guest.url()).search);
  await guest.getByLabel("Display name").fill("Gita Guest");
  const email = `gita-${Date.now()}@example.org`;
  await guest.getByLabel("Email").fill(email);
  await guest.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await guest.getByRole("button", { name: "Create account" }).click();
  await expect(guest).toHaveURL(new RegExp(`${joinLink}$`));
  await expect(guest.getByRole("main")).toContainText("You are in Kronstadt seminar");
  await expect(guest.getByRole("button", { name: /Join/ })).toHaveCount(0);
  await checkPage(guest, joinLink);
  await guest.goto("/dashboard");
  await expect(guest.getByLabel("Your classes")).toContainText("Kronstadt seminar");

  // Signed out, a learner with an account follows the link and signs in: in the class too.
  const { page: returning, email: returningEmail } = await newPerson(browser, "Rita Returning");
  await returning.context().clearCookies();
  await returning.goto(joinLink);
  await returning.getByRole("main").getByRole("link", { name: "sign in" }).click();
  await returning.getByLabel("Email").fill(returningEmail);
  await returning.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await returning.getByRole("button", { name: "Sign in" }).click();
  await expect(returning).toHaveURL(new RegExp(`${joinLink}$`));
  await expect(returning.getByRole("main")).toContainText("You are in Kronstadt seminar");

  await teacher.goto("/teach");
  await teacher.getByRole("link", { name: "Kronstadt seminar" }).click();
  await expect(teacher.getByTestId("roster")).toContainText("Gita Guest");
  await expect(teacher.getByTestId("roster")).toContainText("Rita Returning");
  await Promise.all([teacher.context().close(), guestContext.close(), returning.context().close()]);
});

test("[SECURITY]: a teacher sets a learner's temporary password; the learner must change it before anything else", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const { page: teacher } = await newPerson(browser, "Tom Teacher");
  const { classUrl, code } = await createClass(teacher, "Password class");
  const { page: learner, email } = await newPerson(browser, "Lara Learner");
  await learner.goto(`/join/${code}`);
  await learner.getByRole("button", { name: /Join/ }).click();
  await expect(learner).toHaveURL(/\/dashboard/);

  await teacher.goto(classUrl);
  const row = teacher.getByTestId("roster").getByRole("row").filter({ hasText: "Lara Learner" });
  await row.locator("summary").click();
  await row.getByRole("button", { name: "Set a temporary password for Lara Learner" }).click();
  const temporary = (await row.getByTestId("temporary-password").innerText()).trim();
  expect(temporary).toMatch(/^[A-Za-z0-9]{20}$/);
  await checkPage(teacher, classUrl, (page) => page.getByTestId("roster").locator("summary").first().click());

  // The learner's session has ended.
  await learner.goto("/dashboard");
  await expect(learner).toHaveURL(/\/sign-in/);
  await learner.getByLabel("Email").fill(email);
  await learner.getByLabel("Password", { exact: true }).fill(temporary);
  await learner.getByRole("button", { name: "Sign in" }).click();
  await expect(learner).toHaveURL(/\/account\?change-password=1$/);
  await expect(learner.getByText("You signed in with a temporary password.")).toBeVisible();
  await learner.goto("/review");
  await expect(learner).toHaveURL(/\/account\?change-password=1$/);
  // The page offers nothing but choosing a password (and signing out).
  await expect(learner.getByRole("form", { name: "Delete my account" })).toHaveCount(0);
  await expect(learner.getByRole("heading", { name: "Profile" })).toHaveCount(0);
  await checkPage(learner, "/account?change-password=1");

  const form = learner.getByRole("form", { name: "Change password" });
  await form.getByLabel("Current password", { exact: true }).fill(temporary);
  await form.getByLabel("New password", { exact: true }).fill("my own one again");
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByRole("status")).toContainText("Your password has been changed.");
  await learner.goto("/dashboard");
  await expect(learner).toHaveURL(/\/dashboard$/);

  // Another teacher cannot: the class page is a 404 for them.
  const { page: other } = await newPerson(browser, "Otto Other");
  expect((await other.goto(classUrl))?.status()).toBe(404);
  await Promise.all([teacher.context().close(), learner.context().close(), other.context().close()]);
});

test("[TEACH]: a learner who deletes their account shows in the gradebook as a deleted learner, without name or email", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const { page: teacher } = await newPerson(browser, "Tina Teacher");
  const { classUrl, code } = await createClass(teacher, "Deletion class");
  await teacher.goto(`${classUrl}/assignments/new`);
  await teacher.getByLabel(/^Title/).fill("Week 3");
  await teacher.getByLabel("Due").fill("2030-05-03T23:59");
  await teacher.getByRole("button", { name: "Assign" }).click();
  await expect(teacher.getByRole("heading", { level: 1 })).toHaveText("Week 3");
  const gradebookUrl = new URL(teacher.url()).pathname;

  const { page: learner, email } = await newPerson(browser, "Dora Departing");
  await learner.goto(`/join/${code}`);
  await learner.getByRole("button", { name: /Join/ }).click();
  await expect(learner).toHaveURL(/\/dashboard/);
  await teacher.goto(gradebookUrl);
  await expect(teacher.getByTestId("gradebook")).toContainText("Dora Departing");

  await learner.goto("/account");
  const form = learner.getByRole("form", { name: "Delete my account" });
  await form.getByLabel("Your password, to confirm", { exact: true }).fill(PASSWORD);
  await form.getByRole("button", { name: "Delete my account" }).click();
  await expect(learner).toHaveURL(/\/$/);

  await teacher.goto(gradebookUrl);
  const grid = teacher.getByTestId("gradebook");
  await expect(grid.getByTestId("deleted-learner")).toHaveCount(1);
  await expect(grid.getByTestId("deleted-learner")).toContainText("Deleted learner");
  await expect(grid).not.toContainText("Dora");
  await expect(teacher.getByRole("main")).not.toContainText(email);
  await checkPage(teacher, gradebookUrl);
  await Promise.all([teacher.context().close(), learner.context().close()]);
});

test("[SECURITY]: an administrator sets a temporary password from the user list", async ({ browser }) => {
  const adminEmail = uniqueEmail("admin");
  execFileSync(
    process.execPath,
    [
      "--conditions=react-server",
      "--import",
      "tsx",
      "scripts/user-create.ts",
      "--email",
      adminEmail,
      "--name",
      "Ada Admin",
      "--role",
      "admin",
      "--password",
      PASSWORD,
    ],
    {
      cwd: path.resolve(import.meta.dirname, ".."),
      env: { ...process.env, DATABASE_URL: e2eDatabaseUrl },
      stdio: "pipe",
    },
  );
  const { page: learner, email } = await newPerson(browser, "Forgetful Fern");
  const context = await browser.newContext();
  const admin = await context.newPage();
  await admin.goto("/sign-in?callbackUrl=%2Fadmin%2Fusers");
  await admin.getByLabel("Email").fill(adminEmail);
  await admin.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await admin.getByRole("button", { name: "Sign in" }).click();
  await expect(admin).toHaveURL(/\/admin\/users$/);
  const listUrl = `/admin/users?q=${encodeURIComponent(email)}`;
  await admin.goto(listUrl);
  const row = admin.getByRole("listitem").filter({ hasText: email });
  await row.locator("summary").click();
  await row.getByRole("button", { name: "Set a temporary password for Forgetful Fern" }).click();
  await expect(row.getByTestId("temporary-password")).toHaveText(/^[A-Za-z0-9]{20}$/);
  await checkPage(admin, listUrl, (page) => page.getByRole("listitem").locator("summary").first().click());

  await learner.goto("/dashboard");
  await expect(learner).toHaveURL(/\/sign-in/);
  // A learner gets a 404 on the user list.
  const { page: other } = await newPerson(browser, "Nosy Ned");
  expect((await other.goto("/admin/users"))?.status()).toBe(404);
  await Promise.all([context.close(), learner.context().close(), other.context().close()]);
});
