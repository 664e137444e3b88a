import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { AppError } from "@/app/lib/errors";

/**
 * The route-handler wrapper on real Request objects. Only the request's identity (the session
 * lookup and the cookie jar) is simulated.
 */

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

const { withActor, created, MAX_BODY_BYTES } = await import("./with-actor");

const GUEST = "g_" + "a".repeat(43);
const noParams = { params: Promise.resolve({}) };
const withId = (id: string) => ({ params: Promise.resolve({ id }) });

function request(method: string, body?: unknown, headers: Record<string, string> = {}) {
  const text = body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body);
  return new Request("http://app.test/api/x", {
    method,
    body: text,
    headers: {
      host: "app.test",
      ...(text === undefined ? {} : { "content-type": "application/json" }),
      ...headers,
    },
  });
}

async function call(handler: ReturnType<typeof withActor>, req: Request, ctx = noParams) {
  const res = await handler(req, ctx);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

beforeEach(() => {
  jar.clear();
  session.current = null;
});

describe("withActor", () => {
  const echo = withActor(
    {
      actor: "requireActor",
      body: z.strictObject({ n: z.number().max(5) }),
      params: z.object({ id: z.string().min(3) }),
    },
    ({ actor, body, params }) => ({ actor: actor.kind, n: body.n, id: params.id }),
  );

  it("answers { ok, data } with the parsed body, params and actor", async () => {
    jar.set("rbo_guest", GUEST);
    expect(await call(echo, request("POST", { n: 2 }), withId("abc"))).toEqual({
      status: 200,
      body: { ok: true, data: { actor: "guest", n: 2, id: "abc" } },
    });
  });

  it("parses the query string, and never lets a response be cached", async () => {
    const search = withActor(
      { actor: "public", query: z.object({ page: z.coerce.number().int().min(1) }) },
      ({ query }) => query.page,
    );
    const req = (q: string) => new Request(`http://app.test/api/x?${q}`, { headers: { host: "app.test" } });
    const ok = await search(req("page=3"), noParams);
    expect(await ok.json()).toEqual({ ok: true, data: 3 });
    expect(ok.headers.get("cache-control")).toBe("private, no-store");
    expect(ok.headers.get("vary")).toBe("Cookie");
    const bad = await search(req("page=0"), noParams);
    expect(bad.status).toBe(400);
    expect(bad.headers.get("cache-control")).toBe("private, no-store");
  });

  it("refuses a visitor with no actor before reading the input", async () => {
    expect(await call(echo, request("POST", "not json"), withId("abc"))).toMatchObject({
      status: 401,
      body: { ok: false, code: "unauthorized" },
    });
  });

  it("maps bad input to 400/413/415 with field errors", async () => {
    jar.set("rbo_guest", GUEST);
    const invalid = await call(echo, request("POST", { n: 9 }), withId("abc"));
    expect(invalid).toMatchObject({ status: 400, body: { code: "bad_request" } });
    expect(invalid.body.fieldErrors).toHaveProperty("n");
    expect((await call(echo, request("POST", { n: 1 }), withId("x"))).status).toBe(400);
    expect((await call(echo, request("POST", "{"), withId("abc"))).status).toBe(400);
    expect((await call(echo, request("POST", [1]), withId("abc"))).status).toBe(400);
    expect(
      (await call(echo, request("POST", { n: 1, pad: "x".repeat(MAX_BODY_BYTES) }), withId("abc"))).status,
    ).toBe(413);
    const plain = request("POST", "n=1", { "content-type": "text/plain" });
    expect((await call(echo, plain, withId("abc"))).status).toBe(415);
  });

  it("refuses cross-site writes but not cross-site reads", async () => {
    jar.set("rbo_guest", GUEST);
    const evil = { origin: "https://evil.example" };
    expect((await call(echo, request("POST", { n: 1 }, evil), withId("abc"))).status).toBe(403);
    const read = withActor({ actor: "public" }, () => "fine");
    expect((await call(read, request("GET", undefined, evil))).status).toBe(200);
  });

  it("checks roles for requireUser", async () => {
    const teachers = withActor({ actor: "requireUser", roles: ["teacher"] }, ({ actor }) => actor.userId);
    expect((await call(teachers, request("GET"))).status).toBe(401);
    session.current = { user: { id: "u1", role: "learner", timezone: "UTC", name: "L" } };
    expect(await call(teachers, request("GET"))).toMatchObject({ status: 403, body: { code: "forbidden" } });
    session.current = { user: { id: "u2", role: "teacher", timezone: "UTC", name: "T" } };
    expect(await call(teachers, request("GET"))).toEqual({ status: 200, body: { ok: true, data: "u2" } });
  });

  it("allowGuest sets a guest cookie only once the input is valid", async () => {
    const start = withActor({ actor: "allowGuest", body: z.strictObject({ s: z.string() }) }, ({ actor }) =>
      created(actor.kind),
    );
    expect((await call(start, request("POST", { s: 1 }))).status).toBe(400);
    expect(jar.size).toBe(0);
    expect(await call(start, request("POST", { s: "x" }))).toEqual({
      status: 201,
      body: { ok: true, data: "guest" },
    });
    expect(jar.get("rbo_guest")).toMatch(/^g_/);
  });

  it("maps AppError to its status and hides anything else behind a 500", async () => {
    const conflict = withActor({ actor: "public" }, () => {
      throw new AppError("conflict", "Already done.");
    });
    expect(await call(conflict, request("GET"))).toEqual({
      status: 409,
      body: { ok: false, code: "conflict", error: "Already done." },
    });
    const spy = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const boom = withActor({ actor: "public" }, () => {
      throw new Error("SQLITE_BUSY: secret internals");
    });
    const res = await call(boom, request("GET"));
    expect(res.status).toBe(500);
    expect(JSON.stringify(res.body)).not.toContain("SQLITE");
    expect(spy).toHaveBeenCalled();
    spy.mockRestore();
  });
});
