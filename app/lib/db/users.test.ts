import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { tempDatabase } from "@/app/lib/db/test-database";
import type * as UsersModule from "./users";

vi.mock("server-only", () => ({}));

const db = tempDatabase("users");
let users: typeof UsersModule;

beforeAll(async () => {
  await db.ready;
  users = await import("./users");
});
afterAll(() => db.cleanup());

/** Claiming without review scheduling (the scheduling rule is app/lib/progress's). */
const noSchedules = () => new Map();

async function makeAttempt(owner: { userId?: string; guestToken?: string }) {
  const { prisma } = await import("@/app/lib/db/prisma");
  return prisma.attempt.create({
    data: {
      userId: owner.userId ?? null,
      guestToken: owner.guestToken ?? null,
      seed: 1,
      questionIds: [],
      total: 0,
    },
  });
}

describe("users data layer (real SQLite database)", () => {
  it("creates a learner by default and reports a duplicate email as email_taken", async () => {
    const first = await users.createUser({
      email: "dup@example.org",
      name: "Dup",
      passwordHash: "h",
      timezone: "Europe/Paris",
    });
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(first.user).toMatchObject({
      email: "dup@example.org",
      role: "learner",
      timezone: "Europe/Paris",
      streakOptIn: false,
    });
    expect(first.user).not.toHaveProperty("passwordHash");

    const second = await users.createUser({ email: "dup@example.org", name: "Other", passwordHash: "h2" });
    expect(second).toEqual({ ok: false, reason: "email_taken" });
  });

  it("returns the hash only from findUserForSignIn", async () => {
    await users.createUser({
      email: "hash@example.org",
      name: "Hash",
      passwordHash: "$argon2id$fake",
      role: "teacher",
    });
    const forSignIn = await users.findUserForSignIn("hash@example.org");
    expect(forSignIn).toMatchObject({
      email: "hash@example.org",
      role: "teacher",
      passwordHash: "$argon2id$fake",
    });
    const profile = await users.getUserProfile(forSignIn!.id);
    expect(profile).not.toHaveProperty("passwordHash");
    expect(await users.findUserForSignIn("nobody@example.org")).toBeNull();
  });

  it("updates only the acting user's own profile fields", async () => {
    const created = await users.createUser({ email: "prof@example.org", name: "Before", passwordHash: null });
    if (!created.ok) throw new Error("setup");
    const updated = await users.updateProfile(created.user.id, {
      name: "After",
      timezone: "Asia/Tokyo",
      streakOptIn: true,
    });
    expect(updated).toMatchObject({
      name: "After",
      timezone: "Asia/Tokyo",
      streakOptIn: true,
      role: "learner",
      email: "prof@example.org",
    });
  });

  it("upserts OAuth users by email as learners without touching existing accounts", async () => {
    const fresh = await users.upsertOAuthUser({ email: "oauth@example.org", name: "OAuth" });
    expect(fresh).toMatchObject({ role: "learner", name: "OAuth" });
    await users.createUser({
      email: "teach@example.org",
      name: "Teacher",
      passwordHash: "h",
      role: "teacher",
    });
    const existing = await users.upsertOAuthUser({ email: "teach@example.org", name: "Renamed?" });
    expect(existing).toMatchObject({ role: "teacher", name: "Teacher" });
    expect((await users.findUserForSignIn("teach@example.org"))!.passwordHash).toBe("h");
  });

  it("claims a guest's attempts, and only unowned attempts with that token", async () => {
    const created = await users.createUser({
      email: "claim@example.org",
      name: "Claimer",
      passwordHash: null,
    });
    const other = await users.createUser({ email: "other@example.org", name: "Other", passwordHash: null });
    if (!created.ok || !other.ok) throw new Error("setup");
    const token = "g_" + "a".repeat(43);
    const mine = [await makeAttempt({ guestToken: token }), await makeAttempt({ guestToken: token })];
    const someoneElses = await makeAttempt({ guestToken: "g_" + "b".repeat(43) });
    const alreadyOwned = await makeAttempt({ userId: other.user.id, guestToken: token });

    expect(await users.claimGuestAttempts(created.user.id, token, noSchedules)).toBe(2);
    const { prisma } = await import("@/app/lib/db/prisma");
    for (const attempt of mine) {
      expect(await prisma.attempt.findUnique({ where: { id: attempt.id } })).toMatchObject({
        userId: created.user.id,
        guestToken: null,
      });
    }
    expect(await prisma.attempt.findUnique({ where: { id: someoneElses.id } })).toMatchObject({
      userId: null,
    });
    expect(await prisma.attempt.findUnique({ where: { id: alreadyOwned.id } })).toMatchObject({
      userId: other.user.id,
    });
    // Claiming twice is harmless.
    expect(await users.claimGuestAttempts(created.user.id, token, noSchedules)).toBe(0);
    expect(await users.claimGuestAttempts(created.user.id, "", noSchedules)).toBe(0);
  });
});
