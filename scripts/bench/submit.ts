/**
 * `npm run bench` (submission): 32 concurrent learners submitting quizzes against the production
 * server on SQLite, over loopback only, with a bounded request count and a hard time limit.
 *
 *   node --import tsx scripts/bench/submit.ts [--users 32] [--lessons 8] [--port 3200]
 *        [--build] [--keep-db] [--strict] [--time-limit 240] [--rollback-journal]
 *        [--server-heap-mb 256]   (the server's V8 old-space cap; default 256 as in scripts/start.mjs, 0 = uncapped)
 *        [--open-lessons 4] [--open-interval-ms 3000]   (open-loop phase; --open-lessons 0 skips it)
 *        [--server-cpu-prof DIR]   (write the server's V8 CPU profile there; the measured window is logged)
 *
 * 1. A fresh bench database (prisma/data/bench.db; the script refuses any other), migrated and
 *    content-synced; `--users` learner accounts created through the data layer (one argon2 hash).
 * 2. `next start` (built first if there is no build, or with --build) in its own process group.
 * 3. Real paths only from here: each learner signs in through next-auth's credentials endpoint,
 *    starts one attempt per lesson (POST /api/attempts) and saves an answer to every question
 *    (PUT /api/attempts/:id/responses).
 * 4. Measured: each learner submits all their attempts one after another, all learners at once
 *    (POST /api/attempts/:id/submit: grade + store + schedule reviews) over 32 keep-alive
 *    connections. Then every submission is replayed once, concurrently, to check idempotency.
 * 5. Open loop: each learner starts --open-lessons more attempts, then submits them at Poisson
 *    arrivals (mean gap --open-interval-ms per learner, fixed schedule: a slow reply does not delay
 *    the next arrival). The closed loop above is the saturated figure the target is judged on; the
 *    open loop shows latency at a realistic arrival rate. Both are printed.
 * 6. Prints p50/p95/p99/max latency, throughput, errors, server CPU per submission and the next-server process's peak RSS
 *    (VmHWM, plus the highest VmRSS sampled every 20 ms), against the targets; writes
 *    bench-results/submit.json. Exits 1 on any error (and on a missed target with --strict).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const { values: opts } = parseArgs({
  options: {
    users: { type: "string", default: "32" },
    lessons: { type: "string", default: "8" },
    port: { type: "string", default: "3200" },
    build: { type: "boolean", default: false },
    "keep-db": { type: "boolean", default: false },
    strict: { type: "boolean", default: false },
    "time-limit": { type: "string", default: "240" },
    "rollback-journal": { type: "boolean", default: false },
    "server-heap-mb": { type: "string" },
    "server-cpu-prof": { type: "string" },
    "open-lessons": { type: "string", default: "4" },
    "open-interval-ms": { type: "string", default: "3000" },
  },
});
const USERS = clampInt(opts.users, 1, 64);
const LESSONS = clampInt(opts.lessons, 1, 20);
const PORT = clampInt(opts.port, 1024, 65535);
const TIME_LIMIT_S = clampInt(opts["time-limit"], 30, 900);
/** Open-loop phase: each learner submits this many more quizzes (0 skips the phase)… */
const OPEN_LESSONS = clampInt(opts["open-lessons"], 0, 20);
/** …at Poisson arrivals with this mean gap per learner, whether or not earlier replies came back. */
const OPEN_INTERVAL_MS = clampInt(opts["open-interval-ms"], 10, 60_000);
/** The production start command's heap cap (scripts/start.mjs); `--server-heap-mb 0` runs uncapped. */
const DEFAULT_SERVER_HEAP_MB = "256";
const HOST = "127.0.0.1";
const TARGETS = { p99Ms: 50, errors: 0, rssMb: 400 };
const PASSWORD = "bench-password-not-secret-1234";

function clampInt(v: string | undefined, min: number, max: number): number {
  const n = Number.parseInt(v ?? "", 10);
  if (!Number.isFinite(n)) throw new Error(`not a number: ${v}`);
  return Math.min(max, Math.max(min, n));
}

const dbFile = path.join(root, "prisma", "data", "bench.db");
const env: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: "production",
  DATABASE_URL: `file:${dbFile}`,
  NEXTAUTH_URL: `http://${HOST}:${PORT}`,
  NEXTAUTH_SECRET: "bench-only-secret-not-for-production-use-0123456789",
  NEXT_TELEMETRY_DISABLED: "1",
};
// Scripts launched from here (migrations, content sync, the data layer) use the bench database.
process.env.DATABASE_URL = env.DATABASE_URL;

let server: ChildProcess | null = null;
const deadline = setTimeout(() => {
  console.error(`bench: time limit of ${TIME_LIMIT_S} s reached; stopping.`);
  stopServer();
  process.exit(3);
}, TIME_LIMIT_S * 1000);
deadline.unref();

function log(message: string) {
  console.log(`[bench] ${message}`);
}

function run(command: string, args: string[]) {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed with ${result.status}`);
}

function stopServer() {
  if (server?.pid) {
    try {
      process.kill(-server.pid, "SIGTERM"); // the whole process group: next start and next-server
    } catch {
      /* already gone */
    }
  }
}
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    stopServer();
    process.exit(130);
  });
}

/* ------------------------------------------------------------------ HTTP over loopback */

const agent = new http.Agent({ keepAlive: true, maxSockets: USERS, maxFreeSockets: USERS });

interface Reply {
  status: number;
  body: string;
  setCookies: string[];
}

function request(
  method: string,
  pathname: string,
  options: { cookie?: string; json?: unknown; form?: Record<string, string> } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    let payload: string | undefined;
    const headers: Record<string, string> = { accept: "application/json" };
    if (options.json !== undefined) {
      payload = JSON.stringify(options.json);
      headers["content-type"] = "application/json";
    } else if (options.form) {
      payload = new URLSearchParams(options.form).toString();
      headers["content-type"] = "application/x-www-form-urlencoded";
    }
    if (payload !== undefined) headers["content-length"] = String(Buffer.byteLength(payload));
    if (options.cookie) headers.cookie = options.cookie;
    const req = http.request({ host: HOST, port: PORT, method, path: pathname, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          body: Buffer.concat(chunks).toString("utf8"),
          setCookies: res.headers["set-cookie"] ?? [],
        }),
      );
      res.on("error", reject);
    });
    req.setTimeout(30_000, () => req.destroy(new Error("request timed out")));
    req.on("error", reject);
    req.end(payload);
  });
}

class CookieJar {
  private jar = new Map<string, string>();
  add(setCookies: string[]) {
    for (const line of setCookies) {
      const [pair] = line.split(";");
      const eq = pair?.indexOf("=") ?? -1;
      if (!pair || eq < 1) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (value === "" || /max-age=0/i.test(line)) this.jar.delete(name);
      else this.jar.set(name, value);
    }
  }
  header(): string {
    return [...this.jar].map(([k, v]) => `${k}=${v}`).join("; ");
  }
  has(name: string) {
    return this.jar.has(name);
  }
}

async function waitForServer(timeoutMs: number) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      const r = await request("GET", "/api/health");
      if (r.status === 200) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("server did not become healthy");
}

/* ------------------------------------------------------------------ the server's memory */

/** CPU time (user + system) the process has used so far, in ms (from /proc/<pid>/stat, in clock ticks). */
function cpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime
    return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
  } catch {
    return NaN;
  }
}

function readStatus(pid: number): { rssKb: number; hwmKb: number } | null {
  try {
    const text = readFileSync(`/proc/${pid}/status`, "utf8");
    const rss = /VmRSS:\s+(\d+)/.exec(text);
    const hwm = /VmHWM:\s+(\d+)/.exec(text);
    return { rssKb: Number(rss?.[1] ?? 0), hwmKb: Number(hwm?.[1] ?? 0) };
  } catch {
    return null;
  }
}

/** The process in our server's process group that serves requests ("next-server"), else the leader. */
function findServerPid(groupLeader: number): number {
  const candidates: { pid: number; rss: number; name: string }[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const pgrp = Number(fields[2]);
      if (pgrp !== groupLeader) continue;
      const name = readFileSync(`/proc/${entry}/cmdline`, "utf8").replace(/\0/g, " ");
      candidates.push({ pid: Number(entry), rss: readStatus(Number(entry))?.rssKb ?? 0, name });
    } catch {
      /* raced with exit */
    }
  }
  const named = candidates.find((c) => /next-server/.test(c.name));
  if (named) return named.pid;
  candidates.sort((a, b) => b.rss - a.rss);
  return candidates[0]?.pid ?? groupLeader;
}

/* ------------------------------------------------------------------ learners */

type PublicQuestion =
  | { id: string; type: "multiple_choice" | "true_false"; choices: string[] }
  | { id: string; type: "fill_blank" }
  | { id: string; type: "ordering"; items: string[] }
  | { id: string; type: "matching"; left: string[]; right: string[] };

/** A plausible answer from the public shape only (some right, most not: realistic marking work). */
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

interface Learner {
  email: string;
  jar: CookieJar;
  attempts: string[];
}

async function signIn(learner: Learner) {
  const csrf = await request("GET", "/api/auth/csrf", { cookie: learner.jar.header() });
  learner.jar.add(csrf.setCookies);
  const token = (JSON.parse(csrf.body) as { csrfToken: string }).csrfToken;
  const res = await request("POST", "/api/auth/callback/credentials", {
    cookie: learner.jar.header(),
    form: { csrfToken: token, email: learner.email, password: PASSWORD, json: "true", callbackUrl: "/" },
  });
  learner.jar.add(res.setCookies);
  if (![...learner.jar.header().matchAll(/session-token=/g)].length)
    throw new Error(`sign-in failed for ${learner.email}: ${res.status}`);
}

async function prepare(learner: Learner, lessonSlugs: string[]) {
  for (const lessonSlug of lessonSlugs) {
    const started = await request("POST", "/api/attempts", {
      cookie: learner.jar.header(),
      json: { lessonSlug },
    });
    if (started.status === 409) continue; // a lesson without questions
    if (started.status !== 201 && started.status !== 200)
      throw new Error(`start ${lessonSlug}: ${started.status} ${started.body.slice(0, 200)}`);
    const quiz = (
      JSON.parse(started.body) as { data: { quiz: { attemptId: string; questions: PublicQuestion[] } } }
    ).data.quiz;
    let i = 0;
    for (const q of quiz.questions) {
      const saved = await request("PUT", `/api/attempts/${quiz.attemptId}/responses`, {
        cookie: learner.jar.header(),
        json: { questionId: q.id, answer: answerFor(q, i++) },
      });
      if (saved.status !== 200) throw new Error(`save: ${saved.status} ${saved.body.slice(0, 200)}`);
    }
    learner.attempts.push(quiz.attemptId);
  }
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))] ?? NaN;
}

const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

/** Learner accounts through the data layer's script client (one argon2 hash shared by all). */
async function createBenchUsers(count: number, password: string): Promise<string[]> {
  const { createDbClient } = await import("../../app/lib/db/client");
  const { hashPassword } = await import("../../app/lib/auth/password");
  const db = createDbClient();
  try {
    const passwordHash = await hashPassword(password);
    const emails = Array.from({ length: count }, (_, i) => `bench-learner-${i + 1}@bench.invalid`);
    for (const [i, email] of emails.entries()) {
      await db.user.upsert({
        where: { email },
        create: { email, name: `Bench learner ${i + 1}`, passwordHash, role: "learner" },
        update: { passwordHash },
      });
    }
    return emails;
  } finally {
    await db.$disconnect();
  }
}

/* ------------------------------------------------------------------ main */

async function main() {
  const dataDir = path.dirname(dbFile);
  mkdirSync(dataDir, { recursive: true });
  if (!opts["keep-db"]) for (const s of ["", "-journal", "-wal", "-shm"]) rmSync(dbFile + s, { force: true });
  log(`database ${dbFile}`);
  run("node", ["scripts/prisma.mjs", "migrate", "deploy"]);
  run("node", ["--import", "tsx", "scripts/content-sync.ts"]);
  if (!opts["rollback-journal"]) {
    // WAL is a property of the database file (it persists), and what a production SQLite
    // deployment should use: with the default rollback journal every commit waits for several
    // fsyncs (6-8 ms each on this disk), which serialises concurrent submissions behind the disk.
    const { default: Database } = await import("better-sqlite3");
    const raw = new Database(dbFile);
    log(`journal_mode=${String(raw.pragma("journal_mode = WAL", { simple: true }))}`);
    raw.close();
  }

  log(`creating ${USERS} learners through the data layer`);
  const emails = await createBenchUsers(USERS, PASSWORD);

  if (opts.build || !existsSync(path.join(root, ".next", "BUILD_ID"))) {
    log("building (next build)");
    run("node", ["node_modules/next/dist/bin/next", "build"]);
  }

  // Never benchmark someone else's server: the port must be free before we start ours.
  if (
    await request("GET", "/api/health").then(
      () => true,
      () => false,
    )
  ) {
    throw new Error(`something already listens on ${HOST}:${PORT}; pick another --port`);
  }
  log(`starting next start on ${HOST}:${PORT}`);
  const heapSetting = opts["server-heap-mb"] ?? DEFAULT_SERVER_HEAP_MB;
  const heapMb = heapSetting === "0" ? null : clampInt(heapSetting, 64, 4096);
  const serverEnv = heapMb
    ? { ...env, NODE_OPTIONS: `${env.NODE_OPTIONS ?? ""} --max-old-space-size=${heapMb}`.trim() }
    : env;
  log(
    heapMb
      ? `server heap capped at ${heapMb} MB (--max-old-space-size, as scripts/start.mjs does)`
      : "server heap uncapped (V8 default)",
  );
  const profDir = opts["server-cpu-prof"];
  const nodeFlags = profDir
    ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(profDir)}`, "--cpu-prof-interval=250"]
    : [];
  if (profDir) log(`server CPU profile → ${profDir} (written when the server exits)`);
  server = spawn(
    "node",
    [...nodeFlags, "node_modules/next/dist/bin/next", "start", "-p", String(PORT), "-H", HOST],
    {
      cwd: root,
      env: serverEnv,
      detached: true, // own process group, so stopping it also stops next-server
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  let exited = false;
  server.on("exit", () => {
    exited = true;
  });
  await waitForServer(60_000);
  if (exited) throw new Error("next start exited early (see its output above)");
  const serverPid = findServerPid(server.pid ?? 0);
  log(
    `server pid ${serverPid} (${readFileSync(`/proc/${serverPid}/cmdline`, "utf8").replace(/\0/g, " ").trim()})`,
  );
  const rssAtStart = readStatus(serverPid)?.rssKb ?? 0;
  let peakRssKb = 0;
  const sampler = setInterval(() => {
    const s = readStatus(serverPid);
    if (s) peakRssKb = Math.max(peakRssKb, s.rssKb);
  }, 20);

  const { getAllLessons } = await import("../../app/lib/content");
  const lessonSlugs = getAllLessons()
    .map((l) => l.slug)
    .slice(0, LESSONS);
  const learners: Learner[] = emails.map((email) => ({ email, jar: new CookieJar(), attempts: [] }));

  log(`signing in ${learners.length} learners (next-auth credentials)`);
  for (let i = 0; i < learners.length; i += 8) await Promise.all(learners.slice(i, i + 8).map(signIn));
  const afterSignIn = readStatus(serverPid);
  log(
    `server RSS after sign-in ${((afterSignIn?.rssKb ?? 0) / 1024).toFixed(1)} MB (peak ${((afterSignIn?.hwmKb ?? 0) / 1024).toFixed(1)} MB)`,
  );

  log(`each learner starts ${lessonSlugs.length} attempts and answers every question`);
  const prepStarted = performance.now();
  await Promise.all(learners.map((l) => prepare(l, lessonSlugs)));
  const totalAttempts = learners.reduce((n, l) => n + l.attempts.length, 0);
  log(`prepared ${totalAttempts} attempts in ${((performance.now() - prepStarted) / 1000).toFixed(1)} s`);
  const rssAfterPrep = readStatus(serverPid)?.rssKb ?? 0;
  const hwmAfterPrep = readStatus(serverPid)?.hwmKb ?? 0;
  let peakDuringMeasureKb = 0;
  const measureSampler = setInterval(() => {
    const s = readStatus(serverPid);
    if (s) peakDuringMeasureKb = Math.max(peakDuringMeasureKb, s.rssKb);
  }, 20);

  // Warm the submit route (module load) with requests that change nothing.
  for (let i = 0; i < 5; i++)
    await request("POST", "/api/attempts/warmup-attempt-id/submit", {
      cookie: learners[0]?.jar.header(),
      json: {},
    });

  log(`measuring: ${learners.length} concurrent connections submitting ${totalAttempts} quizzes`);
  const latencies: number[] = [];
  const errors: string[] = [];
  const scores = new Map<string, number>();
  const cpuAtStart = cpuMs(serverPid);
  const measureStarted = performance.now();
  const monoStartUs = process.hrtime.bigint() / 1000n; // same clock as a V8 CPU profile's timestamps
  await Promise.all(
    learners.map(async (learner) => {
      for (const attemptId of learner.attempts) {
        const t0 = performance.now();
        try {
          const res = await request("POST", `/api/attempts/${attemptId}/submit`, {
            cookie: learner.jar.header(),
            json: {},
          });
          latencies.push(performance.now() - t0);
          const body = JSON.parse(res.body) as {
            ok: boolean;
            data?: { alreadySubmitted: boolean; result: { score: number; total: number } };
          };
          if (res.status !== 200 || !body.ok || !body.data || body.data.alreadySubmitted)
            errors.push(`${attemptId}: ${res.status} ${res.body.slice(0, 120)}`);
          else scores.set(attemptId, body.data.result.score);
        } catch (error) {
          latencies.push(performance.now() - t0);
          errors.push(`${attemptId}: ${(error as Error).message}`);
        }
      }
    }),
  );
  const measureMs = performance.now() - measureStarted;
  const serverCpuMs = cpuMs(serverPid) - cpuAtStart;
  clearInterval(measureSampler);
  if (profDir)
    log(
      `measured window (monotonic µs, for the CPU profile): ${monoStartUs} ${process.hrtime.bigint() / 1000n}`,
    );

  log("replaying every submission once, concurrently (must return the stored score)");
  const replayErrors: string[] = [];
  const replayLatencies: number[] = [];
  await Promise.all(
    learners.map(async (learner) => {
      for (const attemptId of learner.attempts) {
        const t0 = performance.now();
        const res = await request("POST", `/api/attempts/${attemptId}/submit`, {
          cookie: learner.jar.header(),
          json: {},
        }).catch((e: Error) => ({
          status: 0,
          body: e.message,
          setCookies: [],
        }));
        replayLatencies.push(performance.now() - t0);
        try {
          const body = JSON.parse(res.body) as {
            ok: boolean;
            data: { alreadySubmitted: boolean; result: { score: number } };
          };
          if (
            res.status !== 200 ||
            !body.data.alreadySubmitted ||
            body.data.result.score !== scores.get(attemptId)
          ) {
            replayErrors.push(`${attemptId}: ${res.status} ${res.body.slice(0, 120)}`);
          }
        } catch {
          replayErrors.push(`${attemptId}: ${res.status} ${res.body.slice(0, 120)}`);
        }
      }
    }),
  );

  // Open loop: a realistic arrival pattern next to the saturated closed loop above. Each learner
  // starts OPEN_LESSONS new attempts (lessons they already submitted), then submits them at
  // exponentially distributed gaps (mean OPEN_INTERVAL_MS), on a schedule fixed in advance, so a
  // slow reply never delays the next arrival (no coordinated omission).
  const openLatencies: number[] = [];
  const openErrors: string[] = [];
  let openMs = 0;
  if (OPEN_LESSONS > 0) {
    const openLessons = lessonSlugs.slice(0, OPEN_LESSONS);
    const openSets = learners.map((l) => ({ ...l, attempts: [] as string[] }));
    log(`open loop: each learner starts ${openLessons.length} more attempts`);
    await Promise.all(openSets.map((l) => prepare(l, openLessons)));
    const total = openSets.reduce((n, l) => n + l.attempts.length, 0);
    const rate = (learners.length * 1000) / OPEN_INTERVAL_MS;
    log(
      `open loop: ${total} submissions, Poisson arrivals, ${learners.length} learners × one per ${OPEN_INTERVAL_MS} ms on average (${rate.toFixed(1)}/s)`,
    );
    const openStarted = performance.now();
    await Promise.all(
      openSets.map(async (learner) => {
        let at = 0;
        const sends = learner.attempts.map((attemptId) => {
          at += -Math.log(1 - Math.random()) * OPEN_INTERVAL_MS;
          const due = at;
          return new Promise<void>((resolve) => {
            const send = async () => {
              const t0 = performance.now();
              try {
                const res = await request("POST", `/api/attempts/${attemptId}/submit`, {
                  cookie: learner.jar.header(),
                  json: {},
                });
                openLatencies.push(performance.now() - t0);
                const body = JSON.parse(res.body) as { ok: boolean; data?: { alreadySubmitted: boolean } };
                if (res.status !== 200 || !body.ok || body.data?.alreadySubmitted)
                  openErrors.push(`${attemptId}: ${res.status} ${res.body.slice(0, 120)}`);
              } catch (error) {
                openLatencies.push(performance.now() - t0);
                openErrors.push(`${attemptId}: ${(error as Error).message}`);
              }
              resolve();
            };
            setTimeout(() => void send(), due);
          });
        });
        await Promise.all(sends);
      }),
    );
    openMs = performance.now() - openStarted;
  }

  clearInterval(sampler);
  const final = readStatus(serverPid);
  const hwmKb = Math.max(final?.hwmKb ?? 0, peakRssKb);
  stopServer();
  agent.destroy();

  const sorted = [...latencies].sort((a, b) => a - b);
  const replaySorted = [...replayLatencies].sort((a, b) => a - b);
  const openSorted = [...openLatencies].sort((a, b) => a - b);
  const figures = {
    submissions: latencies.length,
    connections: learners.length,
    durationS: +(measureMs / 1000).toFixed(2),
    throughputPerS: +(latencies.length / (measureMs / 1000)).toFixed(1),
    p50Ms: +percentile(sorted, 50).toFixed(2),
    p95Ms: +percentile(sorted, 95).toFixed(2),
    p99Ms: +percentile(sorted, 99).toFixed(2),
    maxMs: +(sorted.at(-1) ?? NaN).toFixed(2),
    errors: errors.length,
    replays: replayLatencies.length,
    replayErrors: replayErrors.length,
    replayP99Ms: +percentile(replaySorted, 99).toFixed(2),
    openLoop: {
      submissions: openLatencies.length,
      meanGapPerLearnerMs: OPEN_INTERVAL_MS,
      arrivalRatePerS: +((learners.length * 1000) / OPEN_INTERVAL_MS).toFixed(1),
      durationS: +(openMs / 1000).toFixed(2),
      p50Ms: +percentile(openSorted, 50).toFixed(2),
      p95Ms: +percentile(openSorted, 95).toFixed(2),
      p99Ms: +percentile(openSorted, 99).toFixed(2),
      maxMs: +(openSorted.at(-1) ?? NaN).toFixed(2),
      errors: openErrors.length,
    },
    serverCpuMsPerSubmission: +(serverCpuMs / latencies.length).toFixed(2),
    serverPeakRssMb: +(hwmKb / 1024).toFixed(1),
    serverSampledPeakRssMb: +(peakRssKb / 1024).toFixed(1),
    serverRssAtStartMb: +(rssAtStart / 1024).toFixed(1),
    serverRssAfterSignInMb: +((afterSignIn?.rssKb ?? 0) / 1024).toFixed(1),
    serverRssAfterPrepMb: +(rssAfterPrep / 1024).toFixed(1),
    serverHwmAfterPrepMb: +(hwmAfterPrep / 1024).toFixed(1),
    serverPeakRssDuringSubmitsMb: +(peakDuringMeasureKb / 1024).toFixed(1),
    loadAverage: readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" "),
  };

  console.log("");
  console.log("Quiz submission benchmark (production server, SQLite, loopback)");
  console.log(
    `  submissions        ${figures.submissions} over ${figures.connections} concurrent connections in ${figures.durationS} s (${figures.throughputPerS}/s)`,
  );
  console.log(`  latency p50        ${fmt(figures.p50Ms)}`);
  console.log(`  latency p95        ${fmt(figures.p95Ms)}`);
  console.log(
    `  latency p99        ${fmt(figures.p99Ms)}   target ≤ ${TARGETS.p99Ms} ms: ${figures.p99Ms <= TARGETS.p99Ms ? "met" : "MISSED"}`,
  );
  console.log(`  latency max        ${fmt(figures.maxMs)}`);
  console.log(
    `  server CPU         ${fmt(figures.serverCpuMsPerSubmission)} per submission (user + system, whole process: the load-independent cost)`,
  );
  console.log(
    `  errors             ${figures.errors}   target ${TARGETS.errors}: ${figures.errors === 0 ? "met" : "MISSED"}`,
  );
  console.log(
    `  replays            ${figures.replays}, ${figures.replayErrors} not idempotent, p99 ${fmt(figures.replayP99Ms)}`,
  );
  console.log(
    `  server peak RSS    ${figures.serverPeakRssMb} MB (VmHWM; sampled VmRSS peak ${figures.serverSampledPeakRssMb} MB)   target ≤ ${TARGETS.rssMb} MB: ${figures.serverPeakRssMb <= TARGETS.rssMb ? "met" : "MISSED"}`,
  );
  console.log(
    `  server RSS         ${figures.serverRssAtStartMb} MB at start, ${figures.serverRssAfterPrepMb} MB after preparing (peak ${figures.serverHwmAfterPrepMb}), peak ${figures.serverPeakRssDuringSubmitsMb} MB while submitting`,
  );
  if (figures.openLoop.submissions > 0) {
    const o = figures.openLoop;
    console.log(
      `  open loop          ${o.submissions} submissions at ~${o.arrivalRatePerS}/s (Poisson; each learner every ${o.meanGapPerLearnerMs} ms on average): p50 ${fmt(o.p50Ms)}, p95 ${fmt(o.p95Ms)}, p99 ${fmt(o.p99Ms)}, max ${fmt(o.maxMs)}, ${o.errors} errors`,
    );
  }
  console.log(
    `  machine load       ${figures.loadAverage} (1/5/15 min; ${(await import("node:os")).cpus().length} CPUs)`,
  );
  for (const e of [...errors, ...replayErrors, ...openErrors].slice(0, 5)) console.log(`  error: ${e}`);

  mkdirSync(path.join(root, "bench-results"), { recursive: true });
  writeFileSync(
    path.join(root, "bench-results", "submit.json"),
    JSON.stringify({ at: new Date().toISOString(), targets: TARGETS, figures }, null, 2) + "\n",
  );

  const failed = figures.errors > 0 || figures.replayErrors > 0 || openErrors.length > 0;
  const missed = figures.p99Ms > TARGETS.p99Ms || figures.serverPeakRssMb > TARGETS.rssMb;
  process.exitCode = failed || (opts.strict && missed) ? 1 : 0;
}

main()
  .catch((error) => {
    console.error("bench failed:", error);
    process.exitCode = 1;
  })
  .finally(() => {
    stopServer();
    clearTimeout(deadline);
  });
