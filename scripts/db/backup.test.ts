import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDatabase } from "@/app/lib/db/test-database";
import { backupDatabase, restoreDatabase, sqliteRowCounts, BackupError } from "./backup";

/**
 * Backs up a live SQLite database while another process keeps writing to it, restores the copy
 * into a fresh file, and compares row counts and rows. Runs on SQLite only (the PostgreSQL path
 * is pg_dump/pg_restore's own).
 */

const db = tempDatabase("backup");
const sqlite = db.provider === "sqlite";
const dir = mkdtempSync(path.join(tmpdir(), "rbo-backup-"));
const root = path.resolve(import.meta.dirname, "..", "..");
let file = "";

beforeAll(async () => {
  await db.ready;
  if (!sqlite) return;
  file = db.url.slice("file:".length);
  const seed = new Database(file);
  seed.pragma("journal_mode = WAL");
  const insert = seed.prepare(
    "INSERT INTO AuthThrottle (key, count, windowStart, lastAt) VALUES (?, ?, ?, ?)",
  );
  const now = Date.now();
  seed.transaction(() => {
    for (let i = 0; i < 40_000; i++)
      insert.run(`seed:${i.toString().padStart(6, "0")}:${"x".repeat(60)}`, i, now, now);
  })();
  seed.close();
});
afterAll(async () => {
  await db.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

/** A second process inserting numbered rows, one transaction each, until it is stopped. */
function startWriter(target: string): ChildProcess {
  const program = `
    const Database = require("better-sqlite3");
    const db = new Database(process.argv[1]);
    db.pragma("busy_timeout = 5000");
    const insert = db.prepare("INSERT INTO AuthThrottle (key, count, windowStart, lastAt) VALUES (?, ?, ?, ?)");
    let n = 0;
    const tick = () => { for (let i = 0; i < 20; i++) { n++; insert.run("w:" + String(n).padStart(7, "0"), n, Date.now(), Date.now()); } setImmediate(tick); };
    tick();
  `;
  return spawn(process.execPath, ["-e", program, target], { cwd: root, stdio: "ignore" });
}

function writerRows(target: string): { count: number; max: number } {
  const conn = new Database(target, { readonly: true });
  try {
    const row = conn
      .prepare("SELECT count(*) AS count, max(count) AS max FROM AuthThrottle WHERE key LIKE 'w:%'")
      .get() as { count: number; max: number | null };
    return { count: row.count, max: row.max ?? 0 };
  } finally {
    conn.close();
  }
}

describe.skipIf(!sqlite)("SQLite backup and restore", () => {
  it("copies a database under concurrent writes consistently and restores it into a fresh file", async () => {
    const writer = startWriter(file);
    try {
      // Let the writer get going, then back up while it writes.
      await expect.poll(() => writerRows(file).count, { timeout: 10_000 }).toBeGreaterThan(100);
      const out = path.join(dir, "backup.db");
      await backupDatabase({ provider: "sqlite", url: `file:${file}`, file }, out);

      const fresh = path.join(dir, "restored.db");
      await restoreDatabase({ provider: "sqlite", url: `file:${fresh}`, file: fresh }, out);
      await expect.poll(() => writerRows(file).count).toBeGreaterThan(writerRows(out).count);
      writer.kill("SIGKILL");

      // The copy is one moment of the database: every table's count matches the backup's, the
      // writer's rows are an unbroken prefix (no torn transaction), and rows match the source's.
      expect(sqliteRowCounts(fresh)).toEqual(sqliteRowCounts(out));
      const copied = writerRows(fresh);
      expect(copied.count).toBeGreaterThan(100);
      expect(copied.max).toBe(copied.count);
      expect(sqliteRowCounts(fresh).AuthThrottle).toBe(40_000 + copied.count);
      expect(sqliteRowCounts(fresh)._prisma_migrations).toBe(sqliteRowCounts(file)._prisma_migrations);

      const source = new Database(file, { readonly: true });
      const restored = new Database(fresh, { readonly: true });
      try {
        const sample = (conn: Database.Database) =>
          conn
            .prepare(
              "SELECT key, count, windowStart, lastAt FROM AuthThrottle WHERE rowid % 997 = 0 AND rowid <= ? ORDER BY rowid",
            )
            .all(40_000 + copied.count);
        const rows = sample(restored);
        // Rowids run 1..n with no gaps, so the sample is every 997th of them.
        expect(rows.length).toBe(Math.floor((40_000 + copied.count) / 997));
        expect(rows).toEqual(sample(source));
        expect(restored.prepare("PRAGMA integrity_check").pluck().get()).toBe("ok");
      } finally {
        source.close();
        restored.close();
      }
    } finally {
      writer.kill("SIGKILL");
    }
  }, 60_000);

  it("refuses to restore a file that is not a backup of this app", async () => {
    const bogus = path.join(dir, "bogus.db");
    new Database(bogus).exec("CREATE TABLE t (x)");
    const target = path.join(dir, "target.db");
    await expect(
      restoreDatabase({ provider: "sqlite", url: `file:${target}`, file: target }, bogus),
    ).rejects.toThrow(BackupError);
  });
});
