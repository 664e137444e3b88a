/**
 * Guessing join codes is throttled per account and per client address, in the database with the
 * sign-in mechanism; a code that names a class never counts. On a real temporary database,
 * through the domain functions, the join page's preview and the JSON route.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { tempDatabase } from "@/app/lib/db/test-database";
import type * as PrismaModule from "@/app/lib/db/prisma";
import type * as ClassesService from "@/app/lib/classes/service";
import type * as JoinRoute from "@/app/api/classes/join/route";
import type { Actor } from "@/app/lib/auth/actor";
import { JOIN_CODE_ALPHABET } from "./join-code";

vi.mock("server-only", () => ({}));
vi.mock("next/headers", () => ({
  cookies: () => Promise.resolve({ get: () => undefined, set: () => undefined }),
  headers: () => Promise.resolve(new Headers()),
}));
const session = vi.hoisted(() => ({ current: null as null | { user: Record<string, unknown> } }));
vi.mock("next-auth/next", () => ({ getServerSession: () => Promise.resolve(session.current) }));

const db = tempDatabase("join_throttle");
let prisma: (typeof PrismaModule)["prisma"];
let classes: typeof ClassesService;
let route: typeof JoinRoute;
let teacher: Actor;
let code = "";

let counter = 0;
const newAddress = () => `203.0.113.${++counter}`;
/** A code of the right shape that names no class. */
const wrong = (i: number) =>
  "WRNG" + [0, 1, 2, 3].map((d) => JOIN_CODE_ALPHABET[Math.floor(i / 25 ** d) % 25]).join("");

async function learner(name: string): Promise<Actor> {
  const row = await prisma.user.create({ data: { email: `${name}@e.org`, name } });
  return { kind: "user", userId: row.id, role: "learner", timezone: "UTC", name };
}

type Outcome = "joined" | "not_found" | { throttled: number };
async function tryJoin(actor: Actor, joinCode: string, address: string): Promise<Outcome> {
  try {
    await classes.joinClass(actor, { code: joinCode }, address);
    return "joined";
  } catch (error) {
    const e = error as { code?: string; retryAfterSeconds?: number };
    if (e.code === "not_found") return "not_found";
    if (e.code === "too_many_requests" && e.retryAfterSeconds) return { throttled: e.retryAfterSeconds };
    throw error;
  }
}

beforeAll(async () => {
  await db.ready;
  ({ prisma } = await import("@/app/lib/db/prisma"));
  classes = await import("@/app/lib/classes/service");
  route = await import("@/app/api/classes/join/route");
  const row = await prisma.user.create({ data: { email: "t@e.org", name: "Teacher", role: "teacher" } });
  teacher = { kind: "user", userId: row.id, role: "teacher", timezone: "UTC", name: "Teacher" };
  code = (await classes.createClass(teacher, { name: "Guarded" })).joinCode;
});
afterAll(() => db.cleanup());

describe("join codes per account", () => {
  it("after five wrong codes the account waits, even with the right code and from another address", async () => {
    const guesser = await learner("guesser");
    for (let i = 0; i < 5; i++) expect(await tryJoin(guesser, wrong(i), newAddress())).toBe("not_found");
    const blocked = await tryJoin(guesser, code, newAddress());
    expect(blocked).toMatchObject({ throttled: expect.any(Number) as number });
    const wait = typeof blocked === "object" ? blocked.throttled : 0;
    expect(wait).toBeGreaterThan(25);
    expect(wait).toBeLessThanOrEqual(30);
    // Another learner is not affected.
    expect(await tryJoin(await learner("bystander"), code, newAddress())).toBe("joined");
  });

  it("a right code does not count as a failure", async () => {
    const typist = await learner("typist");
    const address = newAddress();
    for (let i = 0; i < 4; i++) expect(await tryJoin(typist, wrong(i), address)).toBe("not_found");
    // Joining, and then the same code again (already a member), are no guesses.
    expect(await tryJoin(typist, code, address)).toBe("joined");
    expect(await tryJoin(typist, code, address)).toBe("joined");
    // Still at four failures: the fifth is looked up (and starts the wait), the sixth waits.
    expect(await tryJoin(typist, wrong(9), address)).toBe("not_found");
    expect(await tryJoin(typist, wrong(8), address)).toMatchObject({
      throttled: expect.any(Number) as number,
    });
  });

  it("parallel guesses cannot slip past: at most five codes are looked up", async () => {
    const burst = await learner("burst");
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, i) => tryJoin(burst, wrong(i), newAddress())),
    );
    expect(outcomes.filter((o) => o === "not_found")).toHaveLength(5);
    expect(outcomes.filter((o) => typeof o === "object")).toHaveLength(15);
  });
});

describe("join codes per client address", () => {
  it("refuses wrong codes beyond the ceiling from one address, whoever tries, and its previews", async () => {
    const address = newAddress();
    for (let i = 0; i < 30; i++)
      expect(await tryJoin(await learner(`many${i}`), wrong(i % 3), address)).toBe("not_found");
    expect(await tryJoin(await learner("one-more"), wrong(1), address)).toMatchObject({
      throttled: expect.any(Number) as number,
    });
    await expect(classes.previewJoin(null, wrong(2), address)).rejects.toMatchObject({
      code: "too_many_requests",
    });
    // Another address is not affected.
    expect(await tryJoin(await learner("elsewhere"), code, newAddress())).toBe("joined");
  });

  it("a class behind one address all joining with the right code is never throttled", async () => {
    const school = newAddress();
    for (let i = 0; i < 40; i++)
      expect(await tryJoin(await learner(`pupil${i}`), code, school)).toBe("joined");
    expect((await classes.previewJoin(null, code, school))?.name).toBe("Guarded");
  });

  it("visitors' previews of wrong codes count against their address", async () => {
    const address = newAddress();
    for (let i = 0; i < 30; i++) expect(await classes.previewJoin(null, wrong(i % 5), address)).toBeNull();
    await expect(classes.previewJoin(null, code, address)).rejects.toMatchObject({
      code: "too_many_requests",
    });
  });
});

describe("POST /api/classes/join", () => {
  it("answers a throttled account with 429, Retry-After and the message", async () => {
    const apiUser = await learner("api");
    session.current = {
      user: {
        id: apiUser.kind === "user" ? apiUser.userId : "",
        role: "learner",
        name: "api",
        timezone: "UTC",
      },
    };
    const post = (joinCode: string) =>
      route.POST(
        new Request("http://app.test/api/classes/join", {
          method: "POST",
          headers: { host: "app.test", "content-type": "application/json", "x-forwarded-for": newAddress() },
          body: JSON.stringify({ code: joinCode }),
        }),
        { params: Promise.resolve({}) },
      );
    for (let i = 0; i < 5; i++) expect((await post(wrong(i))).status).toBe(404);
    const res = await post(wrong(6));
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(25);
    expect(await res.json()).toMatchObject({
      ok: false,
      code: "too_many_requests",
      error: expect.stringMatching(/^Too many attempts\. Please wait \d+ seconds and try again\.$/) as string,
    });
    session.current = null;
  });
});
