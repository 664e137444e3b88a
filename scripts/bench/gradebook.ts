/**
 * `npm run bench` (gradebook): the gradebook domain call on SQLite, in process (server time, no
 * HTTP), for a class of 200 learners × 21 lessons × 5 submitted attempts each, and the same
 * class at 50 learners: p50/p95 over repeated runs and the number of SQL statements per call
 * (counted at the driver), which must not grow with learners. Then the CSV export of a class of
 * 1,000 learners, streamed: its statements (one page of learners at a time) and the heap growth
 * while it streams.
 *
 *   node --conditions=react-server --import tsx scripts/bench/gradebook.ts [--runs 30] [--strict]
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import type BetterSqlite3 from "better-sqlite3";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const { values: opts } = parseArgs({
  options: { runs: { type: "string", default: "30" }, strict: { type: "boolean", default: false } },
});
const RUNS = Number(opts.runs);
const LESSONS = 21;
const ATTEMPTS = 5;
const TARGET_P95_MS = 300;

// Count every statement the driver runs (better-sqlite3's Statement methods).
const require = createRequire(import.meta.url);
const Database = require("better-sqlite3") as typeof BetterSqlite3;
let statements = 0;
{
  const probe = new Database(":memory:");
  const proto = Object.getPrototypeOf(probe.prepare("select 1")) as Record<
    string,
    (...a: unknown[]) => unknown
  >;
  for (const method of ["all", "get", "run", "iterate"]) {
    const original = proto[method]!;
    proto[method] = function (this: unknown, ...args: unknown[]) {
      statements++;
      return original.apply(this, args);
    };
  }
  probe.close();
}

const dir = mkdtempSync(path.join(tmpdir(), "rbo-bench-gradebook-"));
process.env.DATABASE_URL = `file:${path.join(dir, "bench.db")}`;
execFileSync(process.execPath, ["scripts/prisma.mjs", "migrate", "deploy"], { cwd: root, stdio: "ignore" });

const { prisma } = await import("../../app/lib/db/client");
const { getGradebook, gradebookCsv } = await import("../../app/lib/gradebook/service");

let moduleRow: { id: string; lessons: { id: string }[] } | null = null;
/** A module of 21 lessons (the guide's count); the gradebook reads no questions. */
async function benchModule() {
  if (moduleRow) return moduleRow;
  const mod = await prisma.module.create({
    data: {
      slug: "bench",
      title: "Bench",
      organisation: "B",
      sourceUrl: "https://bench.example",
      position: 1,
      wordCount: 1,
    },
  });
  for (let i = 0; i < LESSONS; i++)
    await prisma.lesson.create({
      data: {
        slug: `bench-${i + 1}`,
        moduleId: mod.id,
        position: i + 1,
        title: `Lesson ${i + 1}`,
        wordCount: 1,
        readingMinutes: 1,
        contentHash: "b",
      },
    });
  moduleRow = await prisma.module.findUniqueOrThrow({
    where: { id: mod.id },
    select: { id: true, lessons: { select: { id: true } } },
  });
  return moduleRow;
}

async function seedClass(learners: number, attemptsPerLesson: number, label: string) {
  const teacher = await prisma.user.create({
    data: { email: `t-${label}@bench.example`, name: "T", role: "teacher" },
  });
  const cls = await prisma.class.create({
    data: { name: label, joinCode: `B${label}`.padEnd(8, "X").slice(0, 8), teacherId: teacher.id },
  });
  const mod = await benchModule();
  const assignment = await prisma.assignment.create({
    data: { classId: cls.id, moduleId: mod.id, dueAt: new Date(Date.now() + 86_400_000), title: label },
  });
  const users = Array.from({ length: learners }, (_, i) => ({
    email: `l${i}-${label}@bench.example`,
    name: `Learner ${i}`,
  }));
  await prisma.user.createMany({ data: users });
  const ids = await prisma.user.findMany({
    where: { email: { endsWith: `-${label}@bench.example`, startsWith: "l" } },
    select: { id: true },
  });
  await prisma.classMember.createMany({ data: ids.map((u) => ({ classId: cls.id, userId: u.id })) });
  const now = Date.now();
  const rows = ids.flatMap((u, i) =>
    mod.lessons.flatMap((l, j) =>
      Array.from({ length: attemptsPerLesson }, (_, k) => ({
        userId: u.id,
        assignmentId: assignment.id,
        lessonId: l.id,
        kind: "quiz" as const,
        status: "submitted" as const,
        seed: i * 1000 + j * 10 + k,
        questionIds: [],
        score: (i + j + k) % 11,
        total: 10,
        startedAt: new Date(now - (k + 1) * 3_600_000),
        submittedAt: new Date(now - (k + 1) * 3_600_000 + 600_000),
      })),
    ),
  );
  for (let i = 0; i < rows.length; i += 5_000)
    await prisma.attempt.createMany({ data: rows.slice(i, i + 5_000) });
  return {
    actor: {
      kind: "user" as const,
      userId: teacher.id,
      role: "teacher" as const,
      timezone: "UTC",
      name: "T",
    },
    classId: cls.id,
    assignmentId: assignment.id,
  };
}

async function measure(label: string, learners: number) {
  const c = await seedClass(learners, ATTEMPTS, label);
  await getGradebook(c.actor, c.classId, c.assignmentId); // warm-up
  const times: number[] = [];
  let perCall = 0;
  for (let i = 0; i < RUNS; i++) {
    const before = statements;
    const t0 = performance.now();
    const { gradebook } = await getGradebook(c.actor, c.classId, c.assignmentId);
    times.push(performance.now() - t0);
    perCall = statements - before;
    if (gradebook.rows.length !== learners) throw new Error("wrong row count");
  }
  times.sort((a, b) => a - b);
  const q = (p: number) => times[Math.min(times.length - 1, Math.ceil(p * times.length) - 1)]!;
  return { learners, p50: q(0.5), p95: q(0.95), statements: perCall };
}

try {
  const lessons = (await benchModule()).lessons.length;
  const small = await measure("SMALL050", 50);
  const large = await measure("LARGE200", 200);
  console.log(
    `gradebook: ${lessons} lessons assigned, ${ATTEMPTS} attempts per learner and lesson, ${RUNS} runs`,
  );
  for (const r of [small, large])
    console.log(
      `  ${String(r.learners).padStart(4)} learners: p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms, ${r.statements} SQL statements per call`,
    );

  const csvClass = await seedClass(1000, 1, "CSV01000");
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  let peak = heapBefore;
  const before = statements;
  const t0 = performance.now();
  const { stream } = await gradebookCsv(csvClass.actor, csvClass.classId, csvClass.assignmentId);
  const reader = stream.getReader();
  let bytes = 0;
  let lines = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    lines++;
    if (lines % 100 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
  }
  console.log(
    `csv: 1,000 learners streamed in ${(performance.now() - t0).toFixed(0)} ms, ${lines - 1} rows, ${(bytes / 1024).toFixed(0)} kB, ` +
      `${statements - before} SQL statements (one page of 200 learners at a time), heap growth while streaming ≤ ${((peak - heapBefore) / 1024 / 1024).toFixed(1)} MB`,
  );
  const ok = large.p95 <= TARGET_P95_MS && large.statements === small.statements;
  console.log(
    `target: p95 ≤ ${TARGET_P95_MS} ms at 200 learners and statements independent of learners → ${ok ? "met" : "MISSED"}`,
  );
  if (!ok && opts.strict) process.exitCode = 1;
} finally {
  await prisma.$disconnect();
  rmSync(dir, { recursive: true, force: true });
}
