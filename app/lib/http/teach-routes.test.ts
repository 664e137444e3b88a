/**
 * The teacher-side JSON API on a real temporary database: every route for every kind of caller
 * (anonymous, guest, learner, learner of the class, the teacher, another teacher, admin). Only
 * the request's identity (session lookup, cookie jar) is simulated.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { tempDatabase as tempDatabase } from "@/app/lib/db/test-database";
import type * as PrismaModule from "@/app/lib/db/prisma";
import type * as ClassesRoute from "@/app/api/classes/route";
import type * as JoinRoute from "@/app/api/classes/join/route";
import type * as OneRoute from "@/app/api/classes/[classId]/route";
import type * as AssignRoute from "@/app/api/classes/[classId]/assignments/route";
import type * as MineRoute from "@/app/api/assignments/route";
import type * as BookRoute from "@/app/api/classes/[classId]/gradebook/route";
import type * as CsvRoute from "@/app/api/classes/[classId]/gradebook.csv/route";
import type * as ItemsRoute from "@/app/api/classes/[classId]/item-analysis/route";

vi.mock("server-only", () => ({}));
const jar = new Map<string, string>();
vi.mock("next/headers", () => ({
  cookies: () =>
    Promise.resolve({
      get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined),
      set: (name: string, value: string) => jar.set(name, value),
    }),
}));
const session = vi.hoisted(() => ({ current: null as null | { user: Record<string, unknown> } }));
vi.mock("next-auth/next", () => ({ getServerSession: () => Promise.resolve(session.current) }));

const db = tempDatabase("teach_routes");
let prisma: (typeof PrismaModule)["prisma"];

type Who = "anonymous" | "guest" | "learner" | "member" | "teacher" | "otherTeacher" | "admin";
const WHO: Who[] = ["anonymous", "guest", "learner", "member", "teacher", "otherTeacher", "admin"];
const users: Partial<Record<Who, { id: string; role: string; name: string }>> = {};
let classId = "";
let joinCode = "";

function as(who: Who) {
  jar.clear();
  session.current = null;
  if (who === "guest") jar.set("rbo_guest", "g_" + "d".repeat(43));
  const u = users[who];
  if (u)
    session.current = { user: { id: u.id, role: u.role, name: u.name, timezone: "UTC", email: "x@e.org" } };
}

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
async function call(
  handler: Handler,
  method: string,
  path: string,
  params: Record<string, string> = {},
  body?: unknown,
) {
  const req = new Request(`http://app.test${path}`, {
    method,
    headers: { host: "app.test", ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const res = await handler(req, { params: Promise.resolve(params) });
  return { status: res.status, res };
}

let routes: {
  classes: typeof ClassesRoute;
  join: typeof JoinRoute;
  one: typeof OneRoute;
  assign: typeof AssignRoute;
  mine: typeof MineRoute;
  book: typeof BookRoute;
  csv: typeof CsvRoute;
  items: typeof ItemsRoute;
};

beforeAll(async () => {
  await db.ready;
  ({ prisma } = await import("@/app/lib/db/prisma"));
  routes = {
    classes: await import("@/app/api/classes/route"),
    join: await import("@/app/api/classes/join/route"),
    one: await import("@/app/api/classes/[classId]/route"),
    assign: await import("@/app/api/classes/[classId]/assignments/route"),
    mine: await import("@/app/api/assignments/route"),
    book: await import("@/app/api/classes/[classId]/gradebook/route"),
    csv: await import("@/app/api/classes/[classId]/gradebook.csv/route"),
    items: await import("@/app/api/classes/[classId]/item-analysis/route"),
  };
  const mod = await prisma.module.create({
    data: {
      slug: "api-module",
      title: "API",
      organisation: "O",
      sourceUrl: "https://e.org",
      position: 1,
      wordCount: 1,
    },
  });
  await prisma.lesson.create({
    data: {
      slug: "api-lesson",
      moduleId: mod.id,
      position: 1,
      title: "L",
      wordCount: 1,
      readingMinutes: 1,
      contentHash: "h",
    },
  });
  for (const [who, role] of [
    ["learner", "learner"],
    ["member", "learner"],
    ["teacher", "learner"],
    ["otherTeacher", "teacher"],
    ["admin", "admin"],
  ] as const) {
    const row = await prisma.user.create({ data: { email: `${who}@e.org`, name: who, role } });
    users[who] = { id: row.id, role, name: who };
  }
  as("teacher");
  const made = await call(routes.classes.POST, "POST", "/api/classes", {}, { name: "API class" });
  expect(made.status).toBe(201);
  const body = (await made.res.json()) as { data: { id: string; joinCode: string } };
  classId = body.data.id;
  joinCode = body.data.joinCode;
  as("member");
  expect((await call(routes.join.POST, "POST", "/api/classes/join", {}, { code: joinCode })).status).toBe(
    200,
  );
});
afterAll(() => db.cleanup());
beforeEach(() => as("anonymous"));

const signedOut = (who: Who) => who === "anonymous" || who === "guest";
const managers = (who: Who) => who === "teacher" || who === "admin";

const assignment = {
  title: "API week",
  kind: "module",
  moduleSlug: "api-module",
  dueAt: "2030-01-10T23:59",
  timezone: "Europe/Berlin",
  passMark: 60,
  questionsPerQuiz: 5,
  attemptsAllowed: "3",
  counting: "best",
};

describe("teacher API: who gets what", () => {
  const cases: [string, (who: Who) => number, () => Promise<{ status: number }>][] = [
    [
      "GET /api/classes/:id",
      (w) => (signedOut(w) ? 401 : managers(w) ? 200 : 404),
      () => call(routes.one.GET, "GET", "/", { classId }),
    ],
    [
      "POST /api/classes/:id/assignments",
      (w) => (signedOut(w) ? 401 : managers(w) ? 201 : 404),
      () => call(routes.assign.POST, "POST", "/", { classId }, assignment),
    ],
    [
      "POST /api/classes/:id/assignments (the module test)",
      (w) => (signedOut(w) ? 401 : managers(w) ? 201 : 404),
      () => call(routes.assign.POST, "POST", "/", { classId }, { ...assignment, kind: "test", title: "" }),
    ],
    [
      "GET /api/classes/:id/gradebook",
      (w) => (signedOut(w) ? 401 : managers(w) ? 200 : 404),
      () => call(routes.book.GET, "GET", "/", { classId }),
    ],
    [
      "GET /api/classes/:id/gradebook.csv",
      (w) => (signedOut(w) ? 401 : managers(w) ? 200 : 404),
      () => call(routes.csv.GET, "GET", "/x.csv", { classId }),
    ],
    [
      "GET /api/classes/:id/item-analysis",
      (w) => (signedOut(w) ? 401 : managers(w) ? 200 : 404),
      () => call(routes.items.GET, "GET", "/x?lesson=api-lesson", { classId }),
    ],
    ["GET /api/assignments", () => 200, () => call(routes.mine.GET, "GET", "/api/assignments")],
    [
      "POST /api/classes",
      (w) => (signedOut(w) ? 401 : 201),
      () => call(routes.classes.POST, "POST", "/api/classes", {}, { name: "Another" }),
    ],
  ];
  for (const [name, expected, run] of cases) {
    it.each(WHO)(`${name}: %s`, async (who) => {
      as(who);
      expect((await run()).status).toBe(expected(who));
    });
  }

  it("POST /api/classes/join: sign-in needed; the teacher cannot join their own class", async () => {
    for (const who of ["anonymous", "guest"] as const) {
      as(who);
      expect((await call(routes.join.POST, "POST", "/", {}, { code: joinCode })).status).toBe(401);
    }
    as("teacher");
    expect((await call(routes.join.POST, "POST", "/", {}, { code: joinCode })).status).toBe(409);
    as("learner");
    expect((await call(routes.join.POST, "POST", "/", {}, { code: "nope" })).status).toBe(400);
    expect((await call(routes.join.POST, "POST", "/", {}, { code: joinCode })).status).toBe(200);
  });

  it("a member sees the assignment with the due date in UTC; bad input is a 400 with field errors", async () => {
    as("member");
    const res = await call(routes.mine.GET, "GET", "/api/assignments");
    const body = (await res.res.json()) as { data: { title: string; dueAt: string }[] };
    expect(body.data[0]).toMatchObject({ title: "API week", dueAt: "2030-01-10T22:59:00.000Z" });
    as("teacher");
    const bad = await call(routes.assign.POST, "POST", "/", { classId }, { ...assignment, passMark: 150 });
    expect(bad.status).toBe(400);
    expect(((await bad.res.json()) as { fieldErrors: Record<string, string[]> }).fieldErrors).toHaveProperty(
      "passMark",
    );
  });

  it("a module-test assignment is one column, listed for the member as the test", async () => {
    as("member");
    const mine = (await (await call(routes.mine.GET, "GET", "/api/assignments")).res.json()) as {
      data: { title: string; lessons: { kind: string; slug: string }[] }[];
    };
    expect(mine.data.find((a) => a.title === "Module test: API")?.lessons).toEqual([
      expect.objectContaining({ kind: "test", slug: "api-module" }),
    ]);
    as("teacher");
    const book = (await (await call(routes.book.GET, "GET", "/", { classId })).res.json()) as {
      data: { assignments: { gradebook: { lessons: { slug: string }[] } }[] };
    };
    expect(book.data.assignments.map((a) => a.gradebook.lessons.map((l) => l.slug))).toContainEqual([
      "test:api-module",
    ]);
  });

  it("the CSV is served as text/csv", async () => {
    as("teacher");
    const { res } = await call(routes.csv.GET, "GET", "/x.csv", { classId });
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(await res.text()).toContain("member,member@e.org,current");
  });
});
