/**
 * A visitor following a join link signs up (or signs in) and is in the class when they land:
 * the code travels with the form, and the server joins them with the usual checks and
 * throttling. On a real temporary database, through the sign-up action and the credentials
 * `authorize` next-auth calls.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { tempDatabase } from "@/app/lib/db/test-database";
import type * as PrismaModule from "@/app/lib/db/prisma";
import type * as ClassesService from "@/app/lib/classes/service";
import type * as AuthActions from "@/app/lib/actions/auth-actions";
import type * as OptionsModule from "@/app/lib/auth/options";
import { joinCodeOfCallback } from "@/app/lib/auth/redirects";

vi.mock("server-only", () => ({}));
const request = vi.hoisted(() => ({ address: "192.0.2.1" }));
vi.mock("next/headers", () => ({
  cookies: () => Promise.resolve({ get: () => undefined, set: () => undefined }),
  headers: () => Promise.resolve(new Headers({ "x-forwarded-for": request.address })),
}));
vi.mock("next-auth/next", () => ({ getServerSession: () => Promise.resolve(null) }));

const db = tempDatabase("join_on_arrival");
let prisma: (typeof PrismaModule)["prisma"];
let classes: typeof ClassesService;
let actions: typeof AuthActions;
let options: typeof OptionsModule;
let code = "";
let classId = "";

beforeAll(async () => {
  await db.ready;
  ({ prisma } = await import("@/app/lib/db/prisma"));
  classes = await import("@/app/lib/classes/service");
  actions = await import("@/app/lib/actions/auth-actions");
  options = await import("@/app/lib/auth/options");
  const row = await prisma.user.create({ data: { email: "t@e.org", name: "Teacher", role: "teacher" } });
  const created = await classes.createClass(
    { kind: "user", userId: row.id, role: "teacher", timezone: "UTC", name: "Teacher" },
    { name: "Arrivals" },
  );
  code = created.joinCode;
  classId = created.id;
});
afterAll(() => db.cleanup());

async function signUp(email: string, joinCode?: string) {
  const form = new FormData();
  const fields = { name: "New", email, password: "a fine long password", timezone: "UTC" };
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  if (joinCode !== undefined) form.append("joinCode", joinCode);
  return actions.signUpAction(form);
}

async function learnerIn(email: string): Promise<boolean> {
  const member = await prisma.classMember.findFirst({
    where: { classId, user: { email }, role: "learner", exitedAt: null },
  });
  return member !== null;
}

function authorize(credentials: Record<string, string>) {
  const provider = options.authOptions.providers[0] as unknown as {
    options: { authorize: (c: Record<string, string>, req: unknown) => Promise<unknown> };
  };
  return provider.options.authorize(credentials, { headers: { "x-forwarded-for": request.address } });
}

describe("the code carried by the callback URL", () => {
  it("is read from a join link only", () => {
    expect(joinCodeOfCallback("/join/ABCD-EFGH")).toBe("ABCD-EFGH");
    expect(joinCodeOfCallback("/join/abcd%20efgh")).toBe("abcd efgh");
    for (const other of ["/dashboard", "/join/", "/join/X/more", "/join/X?y=1", "/teach/join/X", "/join/%E0"])
      expect(joinCodeOfCallback(other), other).toBeUndefined();
  });
});

describe("signing up from a join link", () => {
  it("creates the account already in the class", async () => {
    const result = await signUp("arrive@e.org", code.toLowerCase());
    expect(result).toMatchObject({ ok: true, data: { joined: true } });
    expect(await learnerIn("arrive@e.org")).toBe(true);
  });

  it("without a code the account is in no class", async () => {
    expect(await signUp("plain@e.org")).toMatchObject({ ok: true, data: { joined: false } });
    expect(await learnerIn("plain@e.org")).toBe(false);
  });

  it("a wrong code still creates the account, and counts as a wrong code for the address", async () => {
    request.address = "192.0.2.50";
    expect(await signUp("typo@e.org", "WRNGWRNG")).toMatchObject({ ok: true, data: { joined: false } });
    const typo = await prisma.user.findUniqueOrThrow({ where: { email: "typo@e.org" } });
    const row = await prisma.authThrottle.findUnique({ where: { key: `join-account:${typo.id}` } });
    expect(row?.count).toBe(1);
    expect((await prisma.authThrottle.findUnique({ where: { key: "join-address:192.0.2.50" } }))?.count).toBe(
      1,
    );
  });

  it("a throttled address creates the account but does not join", async () => {
    request.address = "192.0.2.60";
    for (let i = 0; i < 30; i++)
      await classes.previewJoin(null, `WRNG${"3467"[i % 4]}${"9ACD"[Math.floor(i / 4) % 4]}EF`, "192.0.2.60");
    expect(await signUp("late@e.org", code)).toMatchObject({ ok: true, data: { joined: false } });
    expect(await learnerIn("late@e.org")).toBe(false);
  });
});

describe("signing in from a join link", () => {
  it("joins the class as part of the sign-in", async () => {
    request.address = "192.0.2.70";
    await signUp("returning@e.org");
    expect(await learnerIn("returning@e.org")).toBe(false);
    const user = await authorize({
      email: "returning@e.org",
      password: "a fine long password",
      joinCode: code,
    });
    expect(user).toMatchObject({ email: "returning@e.org" });
    expect(await learnerIn("returning@e.org")).toBe(true);
  });

  it("a wrong password joins nothing", async () => {
    await signUp("wrongpw@e.org");
    expect(
      await authorize({ email: "wrongpw@e.org", password: "not the password", joinCode: code }),
    ).toBeNull();
    expect(await learnerIn("wrongpw@e.org")).toBe(false);
  });
});
