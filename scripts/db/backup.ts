/**
 * Backup and restore of the app's database, for `npm run db:backup` and `npm run db:restore`.
 *
 * SQLite: better-sqlite3's online backup API copies the live database page by page through
 * SQLite itself, so it is consistent while the server keeps writing (a write during the copy
 * makes SQLite restart the copy from the changed pages). Restore goes the same way into the
 * target file. PostgreSQL: `pg_dump --format=custom` and `pg_restore --clean`, when installed.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import Database from "better-sqlite3";
import { postgresConnection, type ResolvedDatabase } from "../../app/lib/db/database-url";

export class BackupError extends Error {}

/** Every table's row count (Prisma's migration table included), to compare copies. */
export function sqliteRowCounts(file: string): Record<string, number> {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .pluck()
      .all() as string[];
    return Object.fromEntries(
      tables.map((t) => [
        t,
        db
          .prepare(`SELECT count(*) FROM "${t.replace(/"/g, '""')}"`)
          .pluck()
          .get() as number,
      ]),
    );
  } finally {
    db.close();
  }
}

/** A file SQLite can open, passing its integrity check, with this app's migration table. */
function checkSqliteBackup(file: string): void {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const integrity = db.prepare("PRAGMA integrity_check").pluck().get();
    if (integrity !== "ok")
      throw new BackupError(`${file} fails SQLite's integrity check: ${String(integrity)}`);
    const migrations = db
      .prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'")
      .pluck()
      .get();
    if (migrations !== 1)
      throw new BackupError(`${file} is not a backup of this app (no _prisma_migrations table).`);
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError(`${file} is not a readable SQLite database (${(error as Error).message}).`);
  } finally {
    db?.close();
  }
}

function pgTool(tool: "pg_dump" | "pg_restore"): string {
  const found = spawnSync(tool, ["--version"], { encoding: "utf8" });
  if (found.error || found.status !== 0)
    throw new BackupError(
      `${tool} is not installed (it comes with the PostgreSQL client tools, e.g. Debian's postgresql-client). ` +
        `Install it, or back up with your PostgreSQL provider's own tools.`,
    );
  return tool;
}

/**
 * libpq rejects Prisma's own parameters (`schema`, `connection_limit`…); its own, such as
 * `sslmode`, must reach pg_dump and pg_restore as they reach the app.
 */
function libpqUrl(url: string): { url: string; schema?: string } {
  const { connectionString, schema } = postgresConnection(url);
  return { url: connectionString, schema };
}

/**
 * SQLite's online backup restarts from the first page whenever another connection writes
 * between two steps, so a copy made 100 pages at a time may never finish while the server
 * writes steadily. After the first step, copy every remaining page in one step: one
 * consistent read of the source.
 */
const allRemainingPages = (): number => 0x7fffffff;

export async function backupDatabase(db: ResolvedDatabase, out: string): Promise<void> {
  if (db.provider === "sqlite") {
    if (!existsSync(db.file)) throw new BackupError(`There is no database at ${db.file}.`);
    const source = new Database(db.file, { fileMustExist: true });
    try {
      // Busy handling: the server may hold a write lock for a moment.
      source.pragma("busy_timeout = 5000");
      await source.backup(out, { progress: allRemainingPages });
    } finally {
      source.close();
    }
    checkSqliteBackup(out);
    return;
  }
  const { url, schema } = libpqUrl(db.url);
  const args = ["--format=custom", "--no-owner", "--file", out, ...(schema ? ["--schema", schema] : []), url];
  const result = spawnSync(pgTool("pg_dump"), args, { stdio: ["ignore", "inherit", "inherit"] });
  if (result.status !== 0) throw new BackupError(`pg_dump failed (exit ${result.status}).`);
}

export async function restoreDatabase(db: ResolvedDatabase, from: string): Promise<void> {
  if (!existsSync(from)) throw new BackupError(`There is no backup file at ${from}.`);
  if (db.provider === "sqlite") {
    checkSqliteBackup(from);
    const backup = new Database(from, { readonly: true, fileMustExist: true });
    try {
      await backup.backup(db.file, { progress: allRemainingPages });
    } finally {
      backup.close();
    }
    return;
  }
  const { url } = libpqUrl(db.url);
  const args = ["--clean", "--if-exists", "--no-owner", "--single-transaction", "--dbname", url, from];
  const result = spawnSync(pgTool("pg_restore"), args, { stdio: ["ignore", "inherit", "inherit"] });
  if (result.status !== 0) throw new BackupError(`pg_restore failed (exit ${result.status}).`);
}
