import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { tempDatabase } from "@/app/lib/db/test-database";
import { AppError } from "@/app/lib/errors";
import type * as AuthActionsModule from "@/app/lib/actions/auth-actions";
import type * as SafeActionModule from "@/app/lib/actions/safe-action";
import type * as UsersModule from "@/app/lib/db/users";
import type * as OptionsModule from "./options";
import type * as PrismaModule from "@/app/lib/db/prisma";

/**
 * The sign-up/profile actions, the safe-action wrapper, the credentials `authorize` and the JWT
 * callbacks, run against a real migrated SQLite database. Only the request (cookies and the
 * session lookup) is simulated.
 */

vi.mock("server-only", () => ({}));

const jar = new Map<string, string>();
const cookieStore = {
  get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined),
  getAll: () => [...jar].map(([name, value]) => ({ name, value })),
  set: (name: string, value: string, options?: { maxAge?: number }) => {
    if (options?.maxAge === 0) jar.delete(name);
    else jar.set(name, value);
  },
  delete: (name: string) => jar.delete(name),
};
vi.mock("next/headers", () => ({
  cookies: () => Promise.resolve(cookieStore),
  headers: () => Promise.resolve(new Headers()),
}));

const session = vi.hoisted(() => ({ current: null as null | { user: Record<string, unknown> } }));
vi.mock("next-auth/next", () => ({ getServerSession: () => Promise.resolve(session.current) }));

const db = tempDatabase("auth-actions");

let actions: typeof AuthActionsModule;
let safe: typeof SafeActionModule;
let users: typeof UsersModule;
let options: typeof OptionsModule;
let prisma: typeof PrismaModule.prisma;

beforeAll(async () => {
  await db.ready;
  actions = await import("@/app/lib/actions/auth-actions");
  safe = await import("@/app/lib/actions/safe-action");
  users = await import("@/app/lib/db/users");
  options = await import("./options");
  prisma = (await import("@/app/lib/db/prisma")).prisma;
});
afterAll(() => db.cleanup());
beforeEach(() => {
  jar.clear();
  session.current = null;
});

function form(values: Record<string, string>) {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.append(key, value);
  data.append("$ACTION_ID_abc", ""); // what Next adds to progressive-enhancement posts
  return data;
}

const signUp = (overrides: Record<string, string> = {}) =>
  form({
    name: "Ann",
    email: "ann@example.org",
    password: "correct horse",
    timezone: "Europe/London",
    ...overrides,
  });

function authorize(credentials: Record<string, string>) {
  const provider = options.authOptions.providers[0] as unknown as {
    options: {
      authorize: (c: Record<string, string>, req: unknown) => Promise<Record<string, unknown> | null>;
    };
  };
  return provider.options.authorize(credentials, {});
}

describe("signUpAction", () => {
  it("creates a learner with an argon2id hash and returns ok", async () => {
    const result = await actions.signUpAction(null, signUp({ email: " New@Example.org " }));
    expect(result).toEqual({
      ok: true,
      data: { email: "new@example.org", claimedAttempts: 0, joined: false },
    });
    const user = await users.findUserForSignIn("new@example.org");
    expect(user).toMatchObject({ name: "Ann", role: "learner", timezone: "Europe/London" });
    expect(user!.passwordHash).toMatch(/^\$argon2id\$/);
    const { verifyPassword } = await import("./password");
    expect(await verifyPassword(user!.passwordHash!, "correct horse")).toBe(true);
  });

  it("gives a field error for a duplicate email", async () => {
    await actions.signUpAction(signUp({ email: "twice@example.org" }));
    const again = await actions.signUpAction(null, signUp({ email: "TWICE@example.org", name: "Other" }));
    expect(again).toEqual({
      ok: false,
      code: "conflict",
      error: "Please correct the highlighted fields.",
      fieldErrors: { email: ["An account with this email already exists. Sign in instead?"] },
    });
  });

  it("rejects bad emails, short passwords and unknown timezones field by field", async () => {
    const result = await actions.signUpAction(
      null,
      signUp({ email: "nope", password: "short", timezone: "Mars/Base" }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.fieldErrors ?? {}).sort()).toEqual(["email", "password", "timezone"]);
    expect(await users.findUserForSignIn("nope")).toBeNull();
  });

  it("moves the guest's attempts to the new account and clears the guest cookie", async () => {
    const token = "g_" + "c".repeat(43);
    await prisma.attempt.create({ data: { guestToken: token, seed: 7, questionIds: [], total: 3 } });
    jar.set("rbo_guest", token);
    const result = await actions.signUpAction(null, signUp({ email: "guest@example.org" }));
    expect(result).toMatchObject({ ok: true, data: { claimedAttempts: 1 } });
    const user = await users.findUserForSignIn("guest@example.org");
    expect(await prisma.attempt.count({ where: { userId: user!.id } })).toBe(1);
    expect(jar.has("rbo_guest")).toBe(false);
  });
});

describe("credentials authorize", () => {
  it("signs in with the right password, refuses a wrong one or an unknown email", async () => {
    await actions.signUpAction(signUp({ email: "signin@example.org", name: "Signer" }));
    const ok = await authorize({ email: "SignIn@example.org", password: "correct horse" });
    expect(ok).toMatchObject({
      email: "signin@example.org",
      name: "Signer",
      role: "learner",
      timezone: "Europe/London",
    });
    expect(ok).not.toHaveProperty("passwordHash");
    expect(await authorize({ email: "signin@example.org", password: "wrong horse" })).toBeNull();
    expect(await authorize({ email: "ghost@example.org", password: "correct horse" })).toBeNull();
    expect(await authorize({ email: "not an email", password: "" })).toBeNull();
  });

  it("claims guest attempts on sign-in too", async () => {
    await actions.signUpAction(signUp({ email: "later@example.org" }));
    const token = "g_" + "d".repeat(43);
    await prisma.attempt.create({ data: { guestToken: token, seed: 1, questionIds: [], total: 1 } });
    jar.set("rbo_guest", token);
    const user = await authorize({ email: "later@example.org", password: "correct horse" });
    expect(await prisma.attempt.count({ where: { userId: user!.id as string } })).toBe(1);
    expect(jar.has("rbo_guest")).toBe(false);
  });
});

describe("JWT and session callbacks", () => {
  it("put id, role, name and timezone in the token and session, reloading from the database on update", async () => {
    await actions.signUpAction(signUp({ email: "jwt@example.org", name: "Jay" }));
    const user = (await authorize({ email: "jwt@example.org", password: "correct horse" }))!;
    const callbacks = options.authOptions.callbacks!;
    const token = await callbacks.jwt!({
      token: { email: "jwt@example.org" },
      user: user as never,
      account: { type: "credentials", provider: "credentials", providerAccountId: user.id as string },
      trigger: "signIn",
    } as never);
    expect(token).toMatchObject({ uid: user.id, role: "learner", tz: "Europe/London", name: "Jay" });

    const sessionOut = await callbacks.session!({ session: { expires: "x" }, token } as never);
    expect(sessionOut).toMatchObject({
      user: { id: user.id, role: "learner", timezone: "Europe/London", name: "Jay" },
    });

    await users.updateProfile(user.id as string, { name: "Jay Renamed", timezone: "Asia/Tokyo" });
    const updated = await callbacks.jwt!({
      token,
      trigger: "update",
      session: { name: "Evil", role: "admin" },
    } as never);
    expect(updated).toMatchObject({ name: "Jay Renamed", tz: "Asia/Tokyo", role: "learner" });

    await prisma.user.delete({ where: { id: user.id as string } });
    const gone = await callbacks.jwt!({ token: updated, trigger: "update" } as never);
    expect(gone.uid).toBeUndefined();
    const signedOut = await callbacks.session!({ session: { expires: "x" }, token: gone } as never);
    expect(signedOut).not.toHaveProperty("user");
  });
});

describe("safeAction wrapper", () => {
  it("requireUser refuses visitors before looking at the input, and runs for users", async () => {
    expect(await actions.updateProfileAction(form({ name: "" }))).toEqual({
      ok: false,
      code: "unauthorized",
      error: "Please sign in to continue.",
    });

    await actions.signUpAction(signUp({ email: "profile@example.org" }));
    const user = await users.findUserForSignIn("profile@example.org");
    session.current = { user: { id: user!.id, role: "learner", timezone: "UTC", name: "Ann" } };
    const result = await actions.updateProfileAction(
      null,
      form({ name: "Ann B", timezone: "America/New_York", streakOptIn: "on" }),
    );
    expect(result).toEqual({
      ok: true,
      data: { name: "Ann B", timezone: "America/New_York", streakOptIn: true },
    });
    const invalid = await actions.updateProfileAction({
      name: "x".repeat(81),
      timezone: "UTC",
      streakOptIn: false,
    });
    expect(invalid.ok === false && invalid.fieldErrors?.name).toBeTruthy();
  });

  it("enforces roles", async () => {
    const teachersOnly = safe.requireUser(z.object({}), () => "secret", {
      roles: ["teacher", "admin"],
    });
    session.current = { user: { id: "u1", role: "learner", timezone: "UTC", name: "L" } };
    expect(await teachersOnly({})).toEqual({
      ok: false,
      code: "forbidden",
      error: "You do not have permission to do that.",
    });
    session.current = { user: { id: "u2", role: "teacher", timezone: "UTC", name: "T" } };
    expect(await teachersOnly({})).toEqual({ ok: true, data: "secret" });
  });

  it("allowGuest gives a visitor a guest token cookie only when the input is valid", async () => {
    const start = safe.allowGuest(z.object({ lesson: z.string().max(10) }), (input, { actor }) => ({
      actor,
      lesson: input.lesson,
    }));
    const invalid = await start({ lesson: "x".repeat(11) });
    expect(invalid.ok).toBe(false);
    expect(jar.size).toBe(0);

    const result = await start({ lesson: "q1" });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.actor.kind).toBe("guest");
    const token = jar.get("rbo_guest");
    expect(token).toMatch(/^g_[A-Za-z0-9_-]{43}$/);
    // Next request: the same guest.
    const again = await start({ lesson: "q2" });
    expect(again.ok && again.data.actor).toEqual({ kind: "guest", guestToken: token });
  });

  it("never leaks unexpected errors, but passes AppError codes and messages through", async () => {
    const spy = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const boom = safe.publicAction(z.object({}), () => {
      throw new Error("SQLITE_BUSY: secret internals");
    });
    expect(await boom({})).toEqual({
      ok: false,
      code: "internal",
      error: "Something went wrong on our side. Please try again.",
    });
    expect(spy).toHaveBeenCalled();
    spy.mockRestore();
    const expected = safe.publicAction(z.object({}), () => {
      throw new AppError("not_found", "That class code does not exist.", {
        fieldErrors: { code: ["Check the code."] },
      });
    });
    expect(await expected({})).toEqual({
      ok: false,
      code: "not_found",
      error: "That class code does not exist.",
      fieldErrors: { code: ["Check the code."] },
    });
  });

  it("turns FormData into an object, keeping repeated keys as arrays and dropping Next internals", () => {
    const data = new FormData();
    data.append("a", "1");
    data.append("tags", "x");
    data.append("tags", "y");
    data.append("$ACTION_REF_1", "");
    expect(safe.formDataToObject(data)).toEqual({ a: "1", tags: ["x", "y"] });
  });
});
