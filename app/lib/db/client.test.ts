/**
 * The runtime client on a freshly migrated database: SQLite always, PostgreSQL when
 * TEST_POSTGRES_URL points at a server (the test creates and drops its own database).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SQLITE_BUSY_TIMEOUT_MS, createDbClient, type DbClient } from "./client";

const root = path.resolve(import.meta.dirname, "../../..");

/** What every provider must do the same way. */
async function exerciseClient(db: DbClient) {
  const email = `reader-${Date.now()}@example.org`;
  const created = await db.user.create({ data: { email, name: "Reader", passwordHash: "$argon2id$hash" } });
  // Secrets stay out of results by default…
  expect(created).not.toHaveProperty("passwordHash");
  expect(await db.user.findUnique({ where: { email } })).not.toHaveProperty("passwordHash");
  // …and come back only when a query asks for them.
  const withHash = await db.user.findUnique({ where: { email }, omit: { passwordHash: false } });
  expect(withHash?.passwordHash).toBe("$argon2id$hash");
  // Json, enums and interactive transactions behave the same on both providers.
  const counted = await db.$transaction(async (tx) => {
    const guideModule = await tx.module.create({
      data: {
        slug: `m-${Date.now()}`,
        title: "M",
        organisation: "O",
        sourceUrl: "https://example.org",
        position: 1,
        wordCount: 1,
      },
    });
    await tx.assignment.create({
      data: {
        module: { connect: { id: guideModule.id } },
        class: {
          create: { name: "C", joinCode: `J${Date.now()}`, teacher: { connect: { id: created.id } } },
        },
        lessonSlugs: ["a", "b"],
        dueAt: new Date("2027-11-07T12:00:00Z"),
      },
    });
    return tx.assignment.count({ where: { moduleId: guideModule.id } });
  });
  expect(counted).toBe(1);
  const assignment = await db.assignment.findFirst({ where: { class: { teacherId: created.id } } });
  expect(assignment?.lessonSlugs).toEqual(["a", "b"]);
  expect(assignment?.dueAt.toISOString()).toBe("2027-11-07T12:00:00.000Z");
  expect(created.role).toBe("learner");
}

describe("createDbClient on SQLite", () => {
  let dir: string;
  let db: DbClient;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), "db-client-test-"));
    const file = path.join(dir, "test.db");
    const raw = new Database(file);
    const migrations = path.join(root, "prisma/migrations");
    for (const name of readdirSync(migrations)
      .filter((entry) => /^\d/.test(entry))
      .sort()) {
      raw.exec(readFileSync(path.join(migrations, name, "migration.sql"), "utf8"));
    }
    raw.close();
    db = createDbClient(`file:${file}`);
  });
  afterAll(async () => {
    await db.$disconnect();
    rmSync(dir, { recursive: true, force: true });
  });

  it("reads and writes with password hashes omitted by default", () => exerciseClient(db));

  it("opens every connection in WAL mode with synchronous = NORMAL and the busy timeout", async () => {
    const pragma = async (name: string) => {
      const rows = await db.$queryRawUnsafe<Record<string, unknown>[]>(`PRAGMA ${name}`);
      return Object.values(rows[0] ?? {})[0];
    };
    expect(await pragma("journal_mode")).toBe("wal");
    expect(Number(await pragma("busy_timeout"))).toBe(SQLITE_BUSY_TIMEOUT_MS);
    expect(Number(await pragma("synchronous"))).toBe(1); // NORMAL
  });

  it("refuses a database file that does not exist instead of creating an empty one", async () => {
    const missing = createDbClient(`file:${path.join(dir, "missing.db")}`);
    await expect(missing.user.count()).rejects.toThrow(/unable to open database file/);
    await missing.$disconnect();
  });
});

const postgresUrl = process.env.TEST_POSTGRES_URL;

describe.runIf(postgresUrl)("createDbClient on PostgreSQL (TEST_POSTGRES_URL)", () => {
  const database = `client_test_${process.pid}_${Date.now()}`;
  let db: DbClient;

  async function admin(sql: string) {
    const client = new pg.Client({ connectionString: postgresUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  }

  beforeAll(() => {
    const url = new URL(postgresUrl!);
    url.pathname = `/${database}`;
    // A non-default schema, to check that ?schema= reaches both the migrations and the client.
    url.searchParams.set("schema", "guide");
    execFileSync(process.execPath, [path.join(root, "scripts/prisma.mjs"), "migrate", "deploy"], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: url.toString() },
      stdio: "pipe",
    });
    db = createDbClient(url.toString());
  });
  afterAll(async () => {
    await db?.$disconnect();
    await admin(`DROP DATABASE IF EXISTS "${database}"`);
  });

  it("reads and writes with password hashes omitted by default", () => exerciseClient(db));
});
