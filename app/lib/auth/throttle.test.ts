import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { tempDatabase } from "@/app/lib/db/test-database";
import type * as ThrottleModule from "./throttle";
import type * as OptionsModule from "./options";
import type * as UsersModule from "@/app/lib/db/users";
import type * as PasswordModule from "./password";
import { clientAddress } from "./client-address";
import { retryAfterOf, throttleMessage } from "./throttle-message";

/**
 * The throttling rules, pure and against a real migrated database through the credentials
 * `authorize` that next-auth calls (only the request's cookies are simulated).
 */

vi.mock("server-only", () => ({}));
vi.mock("next/headers", () => ({
  cookies: () => Promise.resolve({ get: () => undefined, set: () => undefined }),
  headers: () => Promise.resolve(new Headers()),
}));
vi.mock("next-auth/next", () => ({ getServerSession: () => Promise.resolve(null) }));

const db = tempDatabase("auth-throttle");

let throttle: typeof ThrottleModule;
let options: typeof OptionsModule;
let users: typeof UsersModule;
let hashPassword: typeof PasswordModule.hashPassword;

beforeAll(async () => {
  await db.ready;
  throttle = await import("./throttle");
  options = await import("./options");
  users = await import("@/app/lib/db/users");
  hashPassword = (await import("./password")).hashPassword;
});
afterAll(() => db.cleanup());

let addressCounter = 0;
/** A fresh client address per test, so the per-address ceiling does not mix tests. */
const newAddress = () => `192.0.2.${++addressCounter}`;

type Outcome = "ok" | "wrong" | { throttled: number };
async function signIn(email: string, password: string, address: string): Promise<Outcome> {
  const provider = options.authOptions.providers[0] as unknown as {
    options: { authorize: (c: Record<string, string>, req: unknown) => Promise<unknown> };
  };
  try {
    const user = await provider.options.authorize(
      { email, password },
      { headers: { "x-forwarded-for": address } },
    );
    return user ? "ok" : "wrong";
  } catch (error) {
    const seconds = retryAfterOf(error instanceof Error ? error.message : "");
    if (seconds === null) throw error;
    return { throttled: seconds };
  }
}

async function account(email: string, password = "a long right password") {
  await users.createUser({ email, name: "T", passwordHash: await hashPassword(password) });
  return password;
}

describe("rules", () => {
  it("blocks from the fifth counted attempt for a doubling delay, capped at an hour", () => {
    expect([1, 2, 3, 4].map((n) => throttle.blockAfter(n))).toEqual([0, 0, 0, 0]);
    expect([5, 6, 7, 8].map((n) => throttle.blockAfter(n))).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(throttle.blockAfter(30)).toBe(60 * 60_000);
  });

  it("restarts the count after 15 quiet minutes, measured from the end of the last block", () => {
    const t0 = new Date("2026-01-01T00:00:00Z");
    const at = (ms: number) => new Date(t0.getTime() + ms);
    const row = { count: 6, windowStart: t0, lastAt: t0, blockedUntil: at(60_000) };
    expect(throttle.accountAttempt(row, at(30_000))).toEqual({ ok: false, retryAfterSeconds: 30 });
    const later = throttle.accountAttempt(row, at(61_000));
    expect(later.ok && later.next.count).toBe(7);
    const quiet = throttle.accountAttempt(row, at(60_000 + 15 * 60_000 + 1));
    expect(quiet.ok && quiet.next).toMatchObject({ count: 1, blockedUntil: null });
  });

  it("words the wait for people", () => {
    expect(throttleMessage(1)).toBe("Too many attempts. Please wait 1 second and try again.");
    expect(throttleMessage(30)).toBe("Too many attempts. Please wait 30 seconds and try again.");
    expect(throttleMessage(61)).toBe("Too many attempts. Please wait 2 minutes and try again.");
    expect(retryAfterOf("CredentialsSignin")).toBeNull();
  });
});

describe("clientAddress", () => {
  it("takes the entry the trusted proxy appended, else the last one", () => {
    const h = new Headers({ "x-forwarded-for": "6.6.6.6, 203.0.113.9, 10.0.0.2" });
    expect(clientAddress(h, 1)).toBe("10.0.0.2");
    expect(clientAddress(h, 2)).toBe("203.0.113.9");
    expect(clientAddress(h, 0)).toBe("10.0.0.2");
    expect(clientAddress(h, 9)).toBe("6.6.6.6");
    expect(clientAddress({ "x-forwarded-for": "::ffff:127.0.0.1" }, 0)).toBe("127.0.0.1");
    expect(clientAddress({ "x-real-ip": "198.51.100.4" }, 0)).toBe("198.51.100.4");
    expect(clientAddress(undefined, 0)).toBe("unknown");
  });
});

describe("sign-in throttling per account", () => {
  it("after five wrong passwords the right one is refused too, with a wait; the same for an unknown email", async () => {
    const address = newAddress();
    const password = await account("victim@example.org");
    for (let i = 0; i < 5; i++)
      expect(await signIn("victim@example.org", "guess " + i, address)).toBe("wrong");
    const blocked = await signIn("victim@example.org", password, address);
    const wait = typeof blocked === "object" ? blocked.throttled : 0;
    expect(wait).toBeGreaterThan(25);
    expect(wait).toBeLessThanOrEqual(30);

    // No enumeration: an email without an account gets exactly the same answers.
    for (let i = 0; i < 5; i++)
      expect(await signIn("nobody@example.org", "guess " + i, address)).toBe("wrong");
    expect(await signIn("nobody@example.org", password, address)).toEqual(blocked);
  });

  it("a successful sign-in clears the count", async () => {
    const address = newAddress();
    const password = await account("forgetful@example.org");
    for (let i = 0; i < 4; i++)
      expect(await signIn("forgetful@example.org", "nope " + i, address)).toBe("wrong");
    expect(await signIn("forgetful@example.org", password, address)).toBe("ok");
    for (let i = 0; i < 4; i++)
      expect(await signIn("forgetful@example.org", "nope " + i, address)).toBe("wrong");
    expect(await signIn("forgetful@example.org", password, address)).toBe("ok");
  });

  it("parallel guesses cannot slip past: at most five passwords are checked", async () => {
    await account("burst@example.org");
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, i) => signIn("burst@example.org", "parallel " + i, newAddress())),
    );
    expect(outcomes.filter((o) => o === "wrong")).toHaveLength(5);
    expect(outcomes.filter((o) => typeof o === "object")).toHaveLength(15);
  });

  it("the delay doubles after each block, and the block holds across time as stored", async () => {
    const email = "slow@example.org";
    const t0 = new Date(Date.now() + 60 * 60_000);
    const at = (ms: number) => new Date(t0.getTime() + ms);
    for (let i = 0; i < 5; i++)
      expect(await throttle.admitSignIn(email, newAddress(), at(i))).toEqual({ ok: true });
    // The fifth attempt (at t0 + 4 ms) started a 30 s block.
    expect(await throttle.admitSignIn(email, newAddress(), at(10_000))).toEqual({
      ok: false,
      retryAfterSeconds: 21,
    });
    expect(await throttle.admitSignIn(email, newAddress(), at(40_000))).toEqual({ ok: true });
    expect(await throttle.admitSignIn(email, newAddress(), at(41_000))).toEqual({
      ok: false,
      retryAfterSeconds: 59,
    });
  });
});

describe("throttling per client address", () => {
  it("refuses attempts beyond the ceiling in one minute, whatever the email, and not other addresses", async () => {
    const address = newAddress();
    const limit = throttle.THROTTLE.addressLimit;
    const t0 = new Date(Date.now() + 2 * 60 * 60_000);
    for (let i = 0; i < limit; i++) {
      expect(await throttle.admitSignIn(`many${i}@example.org`, address, new Date(t0.getTime() + i))).toEqual(
        {
          ok: true,
        },
      );
    }
    const refused = await throttle.admitSignIn(
      "one-more@example.org",
      address,
      new Date(t0.getTime() + 1000),
    );
    expect(refused).toEqual({ ok: false, retryAfterSeconds: 59 });
    expect(await throttle.admitSignUp("new@example.org", address, new Date(t0.getTime() + 1000))).toEqual(
      refused,
    );
    expect(await throttle.admitSignIn("one-more@example.org", newAddress(), t0)).toEqual({ ok: true });
    // The next minute starts a new window.
    expect(
      await throttle.admitSignIn("one-more@example.org", address, new Date(t0.getTime() + 60_000)),
    ).toEqual({ ok: true });
  });

  it("the sign-up action answers a throttled address with the message", async () => {
    const actions = await import("@/app/lib/actions/auth-actions");
    const now = new Date();
    for (let i = 0; i < throttle.THROTTLE.addressLimit; i++)
      await throttle.admitSignIn(`x${i}@example.org`, "unknown", now);
    const form = new FormData();
    for (const [k, v] of Object.entries({
      name: "N",
      email: "late@example.org",
      password: "a fine long password",
      timezone: "UTC",
    }))
      form.append(k, v);
    const result = await actions.signUpAction(form);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(
      /^Too many attempts\. Please wait (\d+ seconds?|1 minute) and try again\.$/,
    );
    expect(await users.findUserForSignIn("late@example.org")).toBeNull();
  });
});
