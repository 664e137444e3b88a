import { expect, request as pwRequest, test, type APIRequestContext } from "@playwright/test";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { getGuide } from "../app/lib/content";

/**
 * Operations: the production server (the build the e2e run made) killed mid-burst and
 * restarted, and two servers sharing one PostgreSQL database. Each test starts its own servers
 * on loopback ports next to the e2e one, on a database of its own, and stops them.
 */

const root = path.resolve(import.meta.dirname, "..");
const basePort = Number(process.env.E2E_PORT ?? 3100);
const SECRET = "operations-only-secret-not-for-production-0123456789";
const PASSWORD = "operations password";
const lessonSlugs = getGuide().modules.flatMap((m) => m.lessons.map((l) => l.slug));

test.describe.configure({ mode: "serial", timeout: 240_000 });

function env(databaseUrl: string, port: number) {
  return {
    ...process.env,
    DATABASE_URL: databaseUrl,
    NEXTAUTH_SECRET: SECRET,
    NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    NEXT_TELEMETRY_DISABLED: "1",
  };
}

/** Migrations, content and learner accounts for a fresh database. */
function prepareDatabase(databaseUrl: string, emails: string[]) {
  const run = (args: string[]) => {
    const result = spawnSync(process.execPath, args, {
      cwd: root,
      env: env(databaseUrl, 0),
      encoding: "utf8",
    });
    if (result.status !== 0) throw new Error(`${args.join(" ")}: ${result.stderr}`);
  };
  run(["scripts/prisma.mjs", "migrate", "deploy"]);
  run(["--import", "tsx", "scripts/content-sync.ts"]);
  for (const email of emails)
    run([
      "--conditions=react-server",
      "--import",
      "tsx",
      "scripts/user-create.ts",
      "--email",
      email,
      "--name",
      "Ops Learner",
      "--password",
      PASSWORD,
    ]);
}

/** `next start` on loopback in its own process group (so a kill reaches next-server too). */
async function startServer(databaseUrl: string, port: number): Promise<ChildProcess> {
  const server = spawn(
    process.execPath,
    ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"],
    { cwd: root, env: env(databaseUrl, port), stdio: "ignore", detached: true },
  );
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return server;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server on ${port} did not start`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function kill(server: ChildProcess, signal: NodeJS.Signals) {
  try {
    process.kill(-server.pid!, signal);
  } catch {
    // already gone
  }
}

async function signIn(api: APIRequestContext, email: string) {
  const { csrfToken } = (await (await api.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await api.post("/api/auth/callback/credentials", {
    form: { email, password: PASSWORD, csrfToken, json: "true", callbackUrl: "/" },
  });
  expect(response.status(), `sign-in of ${email}`).toBe(200);
}

type PublicQuestion =
  | { id: string; type: "multiple_choice" | "true_false"; choices: string[] }
  | { id: string; type: "fill_blank" }
  | { id: string; type: "ordering"; items: string[] }
  | { id: string; type: "matching"; left: string[]; right: string[] };

function answerFor(q: PublicQuestion, i: number): unknown {
  switch (q.type) {
    case "multiple_choice":
    case "true_false":
      return q.choices[i % q.choices.length];
    case "fill_blank":
      return i % 2 ? "Petrograd" : "the Bolsheviks";
    case "ordering":
      return [...q.items].reverse();
    case "matching":
      return q.left.map((l, j) => [l, q.right[j] ?? ""]);
  }
}

type Quiz = { attemptId: string; questions: PublicQuestion[] };
async function startQuiz(api: APIRequestContext, lessonSlug: string): Promise<Quiz | null> {
  const response = await api.post("/api/attempts", { data: { lessonSlug } });
  if (response.status() === 409) return null; // a lesson without questions
  expect([200, 201]).toContain(response.status());
  return ((await response.json()) as { data: { quiz: Quiz } }).data.quiz;
}

test("[OPERATIONS]: a server killed (SIGKILL) mid-burst leaves every attempt either fully submitted or in progress with its saved answers", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "rbo-crash-"));
  const file = path.join(dir, "crash.db");
  const url = `file:${file}`;
  const port = basePort + 11;
  const emails = Array.from({ length: 4 }, (_, i) => `crash-${i}@example.org`);
  prepareDatabase(url, emails);
  let server = await startServer(url, port);
  const acknowledgedSaves = new Map<string, Map<string, string>>(); // attempt → question → JSON answer
  const acknowledgedSubmits = new Set<string>();
  try {
    const learners = await Promise.all(
      emails.map(async (email) => {
        const api = await pwRequest.newContext({ baseURL: `http://127.0.0.1:${port}` });
        await signIn(api, email);
        return api;
      }),
    );

    let stop = false;
    let operations = 0;
    const burst = learners.map(async (api, n) => {
      for (const [i, lessonSlug] of lessonSlugs.entries()) {
        if (stop) return;
        const quiz = await startQuiz(api, lessonSlug);
        if (!quiz) continue;
        const saves = new Map<string, string>();
        acknowledgedSaves.set(quiz.attemptId, saves);
        // Answer in parallel, then submit every other quiz: saves and submissions interleave.
        await Promise.all(
          quiz.questions.map(async (q, j) => {
            const answer = answerFor(q, i + j + n);
            const saved = await api.put(`/api/attempts/${quiz.attemptId}/responses`, {
              data: { questionId: q.id, answer },
            });
            if (saved.status() === 200) {
              saves.set(q.id, JSON.stringify(answer));
              operations++;
            }
          }),
        );
        if ((i + n) % 2 === 0) {
          const submitted = await api.post(`/api/attempts/${quiz.attemptId}/submit`, { data: {} });
          if (submitted.status() === 200) acknowledgedSubmits.add(quiz.attemptId);
          operations++;
        }
      }
    });
    const settled = Promise.allSettled(burst);
    await expect.poll(() => operations, { timeout: 60_000, intervals: [20] }).toBeGreaterThan(80);
    stop = true;
    kill(server, "SIGKILL");
    await settled;
    await Promise.all(learners.map((api) => api.dispose()));
    expect(acknowledgedSubmits.size).toBeGreaterThan(0);

    // Restarted on the same file, the server serves again.
    server = await startServer(url, port);

    const db = new Database(file, { readonly: true });
    try {
      const attempts = db
        .prepare(
          'SELECT a.id, a.status, a.score, a."submittedAt", a."questionIds", a."userId" FROM Attempt a',
        )
        .all() as {
        id: string;
        status: string;
        score: number | null;
        submittedAt: number | null;
        questionIds: string;
        userId: string;
      }[];
      expect(attempts.length).toBeGreaterThan(4);
      const responses = db.prepare(
        'SELECT "questionId", answer, correct FROM Response WHERE "attemptId" = ?',
      );
      const card = db
        .prepare('SELECT count(*) FROM ReviewCard WHERE "userId" = ? AND "questionId" = ?')
        .pluck();
      let submitted = 0;
      let inProgress = 0;
      for (const attempt of attempts) {
        const questionIds = JSON.parse(attempt.questionIds) as string[];
        const rows = responses.all(attempt.id) as {
          questionId: string;
          answer: string | null;
          correct: number | null;
        }[];
        if (attempt.status === "submitted") {
          submitted++;
          expect(attempt.score, attempt.id).not.toBeNull();
          expect(attempt.submittedAt, attempt.id).not.toBeNull();
          expect(rows.map((r) => r.questionId).sort(), attempt.id).toEqual([...questionIds].sort());
          expect(
            rows.every((r) => r.correct !== null),
            attempt.id,
          ).toBe(true);
          expect(rows.filter((r) => r.correct === 1).length, attempt.id).toBe(attempt.score);
          for (const q of questionIds) expect(card.get(attempt.userId, q), `${attempt.id} ${q}`).toBe(1);
        } else {
          inProgress++;
          expect(attempt.status).toBe("in_progress");
          expect(attempt.score, attempt.id).toBeNull();
          expect(
            rows.every((r) => r.correct === null),
            attempt.id,
          ).toBe(true);
          expect(acknowledgedSubmits.has(attempt.id), attempt.id).toBe(false);
        }
        // Every answer the server acknowledged is there.
        const stored = new Map(rows.map((r) => [r.questionId, r.answer]));
        for (const [questionId, answer] of acknowledgedSaves.get(attempt.id) ?? [])
          expect(JSON.parse(stored.get(questionId) ?? "null"), `${attempt.id} ${questionId}`).toEqual(
            JSON.parse(answer),
          );
      }
      expect(submitted).toBeGreaterThan(0);
      expect(inProgress).toBeGreaterThan(0);
    } finally {
      db.close();
    }

    // And the learners carry on: an attempt left in progress can be submitted now.
    const api = await pwRequest.newContext({ baseURL: `http://127.0.0.1:${port}` });
    await signIn(api, emails[0]!);
    const quiz = await startQuiz(api, lessonSlugs[1]!);
    expect(quiz).not.toBeNull();
    expect((await api.post(`/api/attempts/${quiz!.attemptId}/submit`, { data: {} })).status()).toBe(200);
    await api.dispose();
  } finally {
    kill(server, "SIGKILL");
    rmSync(dir, { recursive: true, force: true });
  }
});

test("[OPERATIONS]: two production servers on one PostgreSQL database: a mixed burst through both, nothing lost or doubled, sessions shared", async () => {
  const serverUrl = process.env.TEST_POSTGRES_URL;
  test.skip(!serverUrl, "needs TEST_POSTGRES_URL (.ci/run starts a PostgreSQL server)");
  const name = `rbo_e2e_two_servers_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const target = new URL(serverUrl!);
  target.pathname = `/${name}`;
  const url = target.toString();
  const emails = Array.from({ length: 6 }, (_, i) => `two-${i}@example.org`);
  let servers: ChildProcess[] = [];
  try {
    prepareDatabase(url, emails);
    const ports = [basePort + 12, basePort + 13];
    servers = await Promise.all(ports.map((port) => startServer(url, port)));
    const [A, B] = ports.map((port) => `http://127.0.0.1:${port}`) as [string, string];
    const statuses: number[] = [];
    const track = async <T extends { status(): number }>(response: Promise<T>) => {
      const r = await response;
      statuses.push(r.status());
      return r;
    };

    const outcomes = await Promise.all(
      emails.map(async (email, n) => {
        // Cookies are per host, not per port: one context talks to both servers.
        const api = await pwRequest.newContext();
        const csrf = (await (await api.get(`${A}/api/auth/csrf`)).json()) as { csrfToken: string };
        const signedIn = await track(
          api.post(`${n % 2 ? B : A}/api/auth/callback/credentials`, {
            form: { email, password: PASSWORD, csrfToken: csrf.csrfToken, json: "true", callbackUrl: "/" },
          }),
        );
        expect(signedIn.status()).toBe(200);
        // The session issued by one server is accepted by the other.
        const progress = await track(api.get(`${n % 2 ? A : B}/api/progress`));
        expect(progress.status(), "signed in on the other server").toBe(200); // 401 when signed out

        const results: { attemptId: string; questions: number; scores: number[]; fresh: number }[] = [];
        for (const [i, lessonSlug] of lessonSlugs.slice(n * 3, n * 3 + 3).entries()) {
          // The same quiz started on both servers at once: one attempt.
          const [s1, s2] = await Promise.all([
            track(api.post(`${A}/api/attempts`, { data: { lessonSlug } })),
            track(api.post(`${B}/api/attempts`, { data: { lessonSlug } })),
          ]);
          if (s1.status() === 409) continue;
          const q1 = ((await s1.json()) as { data: { quiz: Quiz } }).data.quiz;
          const q2 = ((await s2.json()) as { data: { quiz: Quiz } }).data.quiz;
          expect(q2.attemptId, lessonSlug).toBe(q1.attemptId);
          // Answers saved alternately through both servers, in parallel.
          await Promise.all(
            q1.questions.map((q, j) =>
              track(
                api.put(`${j % 2 ? A : B}/api/attempts/${q1.attemptId}/responses`, {
                  data: { questionId: q.id, answer: answerFor(q, i + j) },
                }),
              ),
            ),
          );
          // Submitted through both servers at once: graded once.
          const submits = await Promise.all(
            [A, B].map((base) =>
              track(api.post(`${base}/api/attempts/${q1.attemptId}/submit`, { data: {} })),
            ),
          );
          const bodies = await Promise.all(
            submits.map(
              (s) => s.json() as Promise<{ data: { alreadySubmitted: boolean; result: { score: number } } }>,
            ),
          );
          results.push({
            attemptId: q1.attemptId,
            questions: q1.questions.length,
            scores: bodies.map((b) => b.data.result.score),
            fresh: bodies.filter((b) => !b.data.alreadySubmitted).length,
          });
        }
        // Signing in again on the other server mid-burst is fine too.
        const again = await track(
          api.post(`${n % 2 ? A : B}/api/auth/callback/credentials`, {
            form: { email, password: PASSWORD, csrfToken: csrf.csrfToken, json: "true", callbackUrl: "/" },
          }),
        );
        expect(again.status()).toBe(200);
        await api.dispose();
        return results;
      }),
    );

    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    const all = outcomes.flat();
    expect(all.length).toBeGreaterThan(10);
    for (const r of all) {
      expect(r.fresh, r.attemptId).toBe(1);
      expect(new Set(r.scores).size, r.attemptId).toBe(1);
    }

    const db = new pg.Client({ connectionString: url });
    await db.connect();
    try {
      const attempts = await db.query<{ id: string; status: string; score: number; n: string }>(
        `SELECT a.id, a.status, a.score, (SELECT count(*) FROM "Response" r WHERE r."attemptId" = a.id) AS n
           FROM "Attempt" a`,
      );
      // Nothing doubled: exactly the attempts the learners saw, each submitted once.
      expect(attempts.rows.map((a) => a.id).sort()).toEqual(all.map((r) => r.attemptId).sort());
      for (const a of attempts.rows) {
        const seen = all.find((r) => r.attemptId === a.id)!;
        expect(a.status).toBe("submitted");
        expect(a.score).toBe(seen.scores[0]);
        expect(Number(a.n)).toBe(seen.questions); // nothing lost: every answer stored once
      }
    } finally {
      await db.end();
    }
  } finally {
    for (const server of servers) kill(server, "SIGTERM");
    await new Promise((resolve) => setTimeout(resolve, 500));
    for (const server of servers) kill(server, "SIGKILL");
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
});
