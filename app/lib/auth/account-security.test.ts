import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { JWT } from "next-auth/jwt";
import { tempDatabase } from "@/app/lib/db/test-database";
import type * as SecurityModule from "./account-security";
import type * as OptionsModule from "./options";
import type * as UsersModule from "@/app/lib/db/users";
import type * as PasswordModule from "./password";
import { newPasswordSchema } from "./schemas";
import type { Actor } from "./actor";
import type { Role } from "./roles";

/**
 * Password rules, password change, "sign out everywhere" and temporary passwords, against a real
 * migrated database, through the same jwt/session callbacks next-auth runs on every request.
 */

vi.mock("server-only", () => ({}));
vi.mock("next/headers", () => ({
  cookies: () => Promise.resolve({ get: () => undefined, set: () => undefined }),
  headers: () => Promise.resolve(new Headers()),
}));

const db = tempDatabase("account-security");
let security: typeof SecurityModule;
let options: typeof OptionsModule;
let users: typeof UsersModule;
let password: typeof PasswordModule;

beforeAll(async () => {
  await db.ready;
  security = await import("./account-security");
  options = await import("./options");
  users = await import("@/app/lib/db/users");
  password = await import("./password");
});
afterAll(() => db.cleanup());

async function signIn(email: string, secret: string): Promise<Record<string, unknown> | null> {
  const provider = options.authOptions.providers[0] as unknown as {
    options: {
      authorize: (c: Record<string, string>, req: unknown) => Promise<Record<string, unknown> | null>;
    };
  };
  return provider.options.authorize({ email, password: secret }, { headers: { "x-forwarded-for": email } });
}

/** The token next-auth would issue for this sign-in, then what a later request makes of it. */
async function issueToken(email: string, secret: string): Promise<JWT> {
  const user = await signIn(email, secret);
  if (!user) throw new Error("sign-in refused");
  return options.authOptions.callbacks!.jwt!({
    token: { email },
    user: user as never,
    account: { type: "credentials", provider: "credentials", providerAccountId: String(user.id) },
  } as never);
}
async function nextRequest(token: JWT) {
  const refreshed = await options.authOptions.callbacks!.jwt!({ token } as never);
  return options.authOptions.callbacks!.session!({ session: { expires: "x" }, token: refreshed } as never);
}

async function idOf(token: JWT): Promise<string | undefined> {
  const { user } = await nextRequest(token);
  return user && "id" in user ? user.id : undefined;
}

async function account(email: string, secret: string) {
  const created = await users.createUser({
    email,
    name: "P",
    passwordHash: await password.hashPassword(secret),
  });
  if (!created.ok) throw new Error("exists");
  return created.user.id;
}

describe("password rules (NIST 800-63B)", () => {
  it("needs 8 characters, refuses the most common passwords whatever their case, and has no composition rules", () => {
    expect(newPasswordSchema.safeParse("short").success).toBe(false);
    for (const common of ["password123", "Password123", "12345678", "iloveyou", "QWERTYUIOP"])
      expect(newPasswordSchema.safeParse(common).success, common).toBe(false);
    for (const fine of ["red and black october", "kronstadt", "aaaaaaab"])
      expect(newPasswordSchema.safeParse(fine).success, fine).toBe(true);
    const refusal = newPasswordSchema.safeParse("letmein123");
    expect(refusal.success ? "" : refusal.error.issues[0]!.message).toMatch(/most common/);
  });
});

describe("change password", () => {
  it("needs the current password, then the old one no longer works and every older session ends", async () => {
    const id = await account("change@example.org", "first password here");
    const otherDevice = await issueToken("change@example.org", "first password here");
    expect(await idOf(otherDevice)).toBe(id);

    await expect(
      security.changePassword(id, { currentPassword: "wrong one", newPassword: "second password here" }),
    ).rejects.toMatchObject({ code: "bad_request", fieldErrors: { currentPassword: [expect.any(String)] } });
    expect(await idOf(otherDevice)).toBe(id);

    const version = await security.changePassword(id, {
      currentPassword: "first password here",
      newPassword: "second password here",
    });
    expect(await nextRequest(otherDevice)).not.toHaveProperty("user");
    // The session that made the change is re-issued with the new version and goes on.
    expect(await idOf({ ...otherDevice, sv: version })).toBe(id);

    expect(await signIn("change@example.org", "first password here")).toBeNull();
    expect(await signIn("change@example.org", "second password here")).toMatchObject({ id });
  });
});

describe("sign out everywhere", () => {
  it("ends every session issued before, at once", async () => {
    const id = await account("everywhere@example.org", "a password of mine");
    const a = await issueToken("everywhere@example.org", "a password of mine");
    const b = await issueToken("everywhere@example.org", "a password of mine");
    expect(await idOf(a)).toBe(id);
    const version = await security.signOutEverywhere(id);
    expect(await nextRequest(a)).not.toHaveProperty("user");
    expect(await nextRequest(b)).not.toHaveProperty("user");
    expect(await idOf({ ...a, sv: version })).toBe(id);
    // A fresh sign-in carries the new version.
    expect(await idOf(await issueToken("everywhere@example.org", "a password of mine"))).toBe(id);
  });
});

describe("temporary password", () => {
  it("ends the user's sessions and must be changed at the next sign-in", async () => {
    const id = await account("forgot@example.org", "lost to memory");
    const old = await issueToken("forgot@example.org", "lost to memory");
    expect(await security.setTemporaryPassword("forgot@example.org", "temporary pass 42")).toBe(true);
    expect(await security.setTemporaryPassword("nobody@example.org", "temporary pass 42")).toBe(false);
    expect(await nextRequest(old)).not.toHaveProperty("user");

    const temp = await issueToken("forgot@example.org", "temporary pass 42");
    expect((await nextRequest(temp)).user).toMatchObject({ id, mustChangePassword: true });

    const version = await security.changePassword(id, {
      currentPassword: "temporary pass 42",
      newPassword: "mine again now",
    });
    expect((await nextRequest({ ...temp, sv: version })).user).toMatchObject({
      id,
      mustChangePassword: false,
    });
  });
});

describe("temporary password set by a learner's teacher or an admin", () => {
  type Who = "anonymous" | "guest" | "classmate" | "otherTeacher" | "teacher" | "coTeacher" | "admin";
  const actors: Partial<Record<Who, Actor | null>> = {};
  const learnerId: Record<string, string> = {};
  let classId = "";

  async function person(email: string, role: Role, secret = "an ordinary password"): Promise<Actor> {
    const id = await account(email, secret);
    if (role !== "learner") await (await import("@/app/lib/db/user-roles")).setRole(id, role);
    return { kind: "user", userId: id, role, timezone: "UTC", name: "P" };
  }

  beforeAll(async () => {
    const classes = await import("@/app/lib/classes/service");
    const teacher = await person("tp-teacher@example.org", "teacher");
    const created = await classes.createClass(teacher, { name: "Reset class" });
    classId = created.id;
    const join = async (actor: Actor) => classes.joinClass(actor, { code: created.joinCode }, "192.0.2.200");
    actors.anonymous = null;
    actors.guest = { kind: "guest", guestToken: "g_" + "e".repeat(43) };
    actors.teacher = teacher;
    actors.otherTeacher = await person("tp-other@example.org", "teacher");
    actors.admin = await person("tp-admin@example.org", "admin");
    actors.coTeacher = await person("tp-co@example.org", "learner");
    await classes.addCoTeacher(teacher, { classId, email: "tp-co@example.org" });
    actors.classmate = await person("tp-classmate@example.org", "learner");
    await join(actors.classmate);
    for (const [key, role] of [
      ["current", "learner"],
      ["former", "learner"],
      ["teacherInClass", "teacher"],
      ["outsider", "learner"],
    ] as const) {
      const actor = await person(`tp-${key}@example.org`, role, `password of ${key}`);
      if (actor.kind !== "user") throw new Error("unreachable");
      learnerId[key] = actor.userId;
      if (key !== "outsider") await join(actor);
      if (key === "former") await classes.leaveClass(actor, { classId });
    }
  });

  async function reset(who: Who, target: string) {
    try {
      const { password: temporary } = await security.giveTemporaryPassword(actors[who] ?? null, {
        userId: learnerId[target]!,
      });
      return temporary;
    } catch (error) {
      return (error as { code?: string }).code;
    }
  }

  it("anyone but the learner's teachers and admins gets 404, and nothing changes", async () => {
    for (const who of ["anonymous", "guest", "classmate", "otherTeacher"] as const)
      expect(await reset(who, "current"), who).toBe("not_found");
    expect(await signIn("tp-current@example.org", "password of current")).toMatchObject({
      mustChangePassword: false,
    });
  });

  it("a teacher may not reset a former learner, a learner of another class, or a teacher's account", async () => {
    for (const target of ["former", "outsider", "teacherInClass"])
      expect(await reset("teacher", target), target).toBe("not_found");
    expect(await reset("admin", "teacherInClass")).toMatch(/^[A-Za-z0-9]{20}$/);
  });

  it("the teacher's temporary password ends the learner's sessions and must be changed at sign-in", async () => {
    const old = await issueToken("tp-current@example.org", "password of current");
    const temporary = await reset("teacher", "current");
    expect(temporary).toMatch(/^[A-Za-z0-9]{20}$/);
    expect(await nextRequest(old)).not.toHaveProperty("user");
    expect(await signIn("tp-current@example.org", "password of current")).toBeNull();
    const temp = await issueToken("tp-current@example.org", temporary!);
    expect((await nextRequest(temp)).user).toMatchObject({ mustChangePassword: true });
    // A co-teacher and an admin may too; nobody may do it to themselves here.
    expect(await reset("coTeacher", "current")).toMatch(/^[A-Za-z0-9]{20}$/);
    expect(await reset("admin", "outsider")).toMatch(/^[A-Za-z0-9]{20}$/);
    const admin = actors.admin!;
    await expect(
      security.giveTemporaryPassword(admin, { userId: admin.kind === "user" ? admin.userId : "" }),
    ).rejects.toMatchObject({ code: "conflict" });
  });
});

describe("the Teach link in the session", () => {
  it("shows for a learner once they create a class, and for a co-teacher; not before", async () => {
    const classes = await import("@/app/lib/classes/service");
    const id = await account("creator@example.org", "creator password");
    const token = await issueToken("creator@example.org", "creator password");
    expect((await nextRequest(token)).user).toMatchObject({ role: "learner", teaches: false });
    const creator: Actor = { kind: "user", userId: id, role: "learner", timezone: "UTC", name: "P" };
    const created = await classes.createClass(creator, { name: "My own class" });
    expect((await nextRequest(token)).user).toMatchObject({ teaches: true });

    await account("helper@example.org", "helper password");
    const helper = await issueToken("helper@example.org", "helper password");
    expect((await nextRequest(helper)).user).toMatchObject({ teaches: false });
    await classes.addCoTeacher(creator, { classId: created.id, email: "helper@example.org" });
    expect((await nextRequest(helper)).user).toMatchObject({ teaches: true });
  });
});

describe("guessing through a signed-in session", () => {
  it("wrong current passwords count like sign-in attempts: after five, even the right one waits", async () => {
    const id = await account("stolen@example.org", "the real password");
    for (let i = 0; i < 5; i++)
      await expect(
        security.changePassword(id, { currentPassword: `guess ${i}`, newPassword: "attacker choice 1" }),
      ).rejects.toMatchObject({ code: "bad_request" });
    const refused = await security
      .changePassword(id, { currentPassword: "the real password", newPassword: "attacker choice 1" })
      .then(
        () => null,
        (error: unknown) => error,
      );
    expect(refused).toMatchObject({ code: "too_many_requests" });
    expect(refused instanceof Error ? refused.message : "").toMatch(/^Too many attempts/);
    expect(await signIn("stolen@example.org", "the real password").catch((e: Error) => e.message)).toMatch(
      /^TooManyAttempts:/,
    );
  });
});
