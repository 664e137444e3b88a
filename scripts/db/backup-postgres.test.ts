import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDatabase } from "@/app/lib/db/test-database";
import { BackupError, backupDatabase, restoreDatabase } from "./backup";

/**
 * PostgreSQL counterpart of backup.test.ts: backs up a migrated database with pg_dump while
 * another process keeps writing, restores the dump with pg_restore into a new empty database,
 * and compares every table. Runs under `npm run test:postgres` (TEST_DATABASE=postgres).
 */

const onPostgres = process.env.TEST_DATABASE === "postgres";
const db = onPostgres ? tempDatabase("backup_pg") : null;
const server = process.env.TEST_POSTGRES_URL ?? "";
const restoredName = `rbo_test_backup_restored_${process.pid}_${Date.now()}`;
const restoredUrl = (() => {
  if (!server) return "";
  const url = new URL(server);
  url.pathname = `/${restoredName}`;
  return url.toString();
})();
const dir = mkdtempSync(path.join(tmpdir(), "rbo-backup-pg-"));
const root = path.resolve(import.meta.dirname, "..", "..");
const SEED = 40_000;

async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  if (!db) return;
  await db.ready;
  await withClient(db.url, async (client) => {
    await client.query(
      `INSERT INTO "AuthThrottle" (key, count, "windowStart", "lastAt")
       SELECT 'seed:' || lpad(i::text, 6, '0') || ':' || repeat('x', 60), i, now(), now()
       FROM generate_series(1, $1::int) AS i`,
      [SEED],
    );
    await client.query(
      `INSERT INTO "User" (id, email, name, "updatedAt") VALUES
       ('u1', 'ada@example.org', 'Ada', now()), ('u2', 'bo@example.org', 'Bo', now())`,
    );
  });
  await withClient(server, (client) => client.query(`CREATE DATABASE "${restoredName}"`));
}, 60_000);

afterAll(async () => {
  if (db) {
    await withClient(server, (client) =>
      client.query(`DROP DATABASE IF EXISTS "${restoredName}" WITH (FORCE)`),
    );
    await db.cleanup();
  }
  rmSync(dir, { recursive: true, force: true });
});

/**
 * A second process that, one transaction at a time, adds the nth row to both AuthThrottle and
 * Module: a consistent snapshot holds the same unbroken run 1..k in both tables.
 */
function startWriter(url: string): ChildProcess {
  const program = `
    const pg = require("pg");
    const client = new pg.Client({ connectionString: process.argv[1] });
    let n = 0;
    const tick = async () => {
      n++;
      await client.query("BEGIN");
      await client.query('INSERT INTO "AuthThrottle" (key, count, "windowStart", "lastAt") VALUES ($1, $2, now(), now())', ["w:" + String(n).padStart(7, "0"), n]);
      await client.query('INSERT INTO "Module" (id, slug, title, organisation, "sourceUrl", position, "wordCount", "updatedAt") VALUES ($1, $1, $1, $1, $1, $2, $2, now())', ["w-" + String(n).padStart(7, "0"), n]);
      await client.query("COMMIT");
      setImmediate(tick);
    };
    client.connect().then(tick);
  `;
  return spawn(process.execPath, ["-e", program, url], { cwd: root, stdio: "ignore" });
}

/** The writer's rows in a database: how many in each table, and the highest number. */
async function writerRows(url: string) {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ throttle: number; modules: number; max: number | null }>(
      `SELECT (SELECT count(*)::int FROM "AuthThrottle" WHERE key LIKE 'w:%') AS throttle,
              (SELECT count(*)::int FROM "Module" WHERE id LIKE 'w-%') AS modules,
              (SELECT max(position) FROM "Module" WHERE id LIKE 'w-%') AS max`,
    );
    const [row] = rows;
    if (!row) throw new Error("no row");
    return { throttle: row.throttle, modules: row.modules, max: row.max ?? 0 };
  });
}

async function rowCounts(url: string): Promise<Record<string, number>> {
  return withClient(url, async (client) => {
    const { rows: tables } = await client.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables
       WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
    );
    const counts: Record<string, number> = {};
    for (const { name } of tables) {
      const { rows } = await client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM "${name.replace(/"/g, '""')}"`,
      );
      counts[name] = rows[0]?.n ?? 0;
    }
    return counts;
  });
}

describe.skipIf(!onPostgres)("PostgreSQL backup and restore", () => {
  it("dumps a database under concurrent writes as one snapshot and restores it into a new database", async () => {
    const source = db!.url;
    const writer = startWriter(source);
    try {
      await expect
        .poll(async () => (await writerRows(source)).modules, { timeout: 10_000 })
        .toBeGreaterThan(50);
      const out = path.join(dir, "backup.dump");
      // Prisma's parameters are dropped for pg_dump; libpq's own (sslmode) are kept.
      const params = "?schema=public&connection_limit=3&sslmode=disable";
      await backupDatabase({ provider: "postgresql", url: source + params }, out);
      await restoreDatabase({ provider: "postgresql", url: restoredUrl + params }, out);
      const copied = await writerRows(restoredUrl);
      // The writer kept going after the dump's snapshot, so the source moved on past the copy.
      await expect.poll(async () => (await writerRows(source)).modules).toBeGreaterThan(copied.modules);
      writer.kill("SIGKILL");

      // One moment of the database: both tables hold the same unbroken run of the writer's rows,
      // although pg_dump copies them one after the other (AuthThrottle's 40,000 rows first).
      expect(copied.modules).toBeGreaterThan(50);
      expect(copied.throttle).toBe(copied.modules);
      expect(copied.max).toBe(copied.modules);

      const [before, after] = [await rowCounts(source), await rowCounts(restoredUrl)];
      expect(Object.keys(after)).toEqual(Object.keys(before));
      expect(Object.keys(after)).toContain("_prisma_migrations");
      expect(after).toEqual({
        ...before,
        AuthThrottle: SEED + copied.modules,
        Module: copied.modules,
      });
      expect(after._prisma_migrations).toBeGreaterThan(0);

      // Sampled rows equal the source's, writer rows included; other tables compared whole.
      const sample = (url: string) =>
        withClient(url, async (client) => ({
          throttle: (
            await client.query(
              `SELECT * FROM "AuthThrottle" WHERE count % 97 = 0 AND (key LIKE 'seed:%' OR count <= $1)
               ORDER BY key`,
              [copied.modules],
            )
          ).rows,
          modules: (
            await client.query(`SELECT * FROM "Module" WHERE position <= $1 ORDER BY id`, [copied.modules])
          ).rows,
          users: (await client.query(`SELECT * FROM "User" ORDER BY id`)).rows,
          migrations: (await client.query(`SELECT * FROM "_prisma_migrations" ORDER BY id`)).rows,
        }));
      const restored = await sample(restoredUrl);
      expect(restored.throttle.length).toBe(Math.floor(SEED / 97) + Math.floor(copied.modules / 97));
      expect(restored.users).toHaveLength(2);
      expect(restored).toEqual(await sample(source));
    } finally {
      writer.kill("SIGKILL");
    }
  }, 120_000);

  it("says to install the client tools when pg_dump or pg_restore is not on the PATH", async () => {
    const out = path.join(dir, "tools.dump");
    await backupDatabase({ provider: "postgresql", url: db!.url }, out);
    const searchPath = process.env.PATH;
    process.env.PATH = dir;
    try {
      const backup = backupDatabase({ provider: "postgresql", url: db!.url }, path.join(dir, "none.dump"));
      await expect(backup).rejects.toBeInstanceOf(BackupError);
      await expect(backup).rejects.toThrow(/pg_dump is not installed/);
      const restore = restoreDatabase({ provider: "postgresql", url: restoredUrl }, out);
      await expect(restore).rejects.toBeInstanceOf(BackupError);
      await expect(restore).rejects.toThrow(/pg_restore is not installed/);
    } finally {
      process.env.PATH = searchPath;
    }
  }, 60_000);
});
