/**
 * The migrations against the real Prisma CLI, run through scripts/prisma.mjs and the offline
 * schema engine, exactly as `npm run db:migrate` does:
 * - a fresh database takes every migration and then reports itself up to date;
 * - the migrations produce exactly prisma/schema.prisma (no schema change without a migration);
 * - the same checks on PostgreSQL when TEST_POSTGRES_URL points at a server (any database on
 *   it; the test creates and drops its own).
 * Each check is paired with a case that must fail, so a check that can no longer fail shows up.
 */
import { execFile } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");

type CliResult = { code: number; output: string };

/** Runs the Prisma CLI through the project's wrapper; never throws on a non-zero exit. */
function prisma(args: string[], env: Record<string, string>): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(root, "scripts/prisma.mjs"), ...args],
      { cwd: root, env: { ...process.env, ...env, NO_COLOR: "1", FORCE_COLOR: "0" }, timeout: 90_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, output: `${stdout}\n${stderr}`.replace(/\x1b\[[0-9;]*m/g, "") });
      },
    );
  });
}

function migrationNames(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** Model names in a Prisma schema, i.e. the tables the migrations must create. */
function modelNames(schemaFile: string): string[] {
  return [...readFileSync(schemaFile, "utf8").matchAll(/^model\s+(\w+)\s*\{/gm)]
    .map((match) => match[1]!)
    .sort();
}

/** A copy of `schemaFile` with one extra model, i.e. a schema change that has no migration. */
function schemaWithoutMigration(schemaFile: string, dir: string): string {
  const changed = path.join(dir, "changed.prisma");
  writeFileSync(changed, `${readFileSync(schemaFile, "utf8")}\nmodel NotMigrated {\n  id String @id\n}\n`);
  return changed;
}

/**
 * A Prisma config (plain object: no imports needed outside the project) whose migrations
 * folder is a copy of `migrationsDir` plus one migration the database has not seen.
 */
function configWithExtraMigration(
  migrationsDir: string,
  schemaFile: string,
  url: string,
  dir: string,
): string {
  const migrations = path.join(dir, "migrations");
  cpSync(migrationsDir, migrations, { recursive: true });
  mkdirSync(path.join(migrations, "29991231000000_not_applied"));
  writeFileSync(
    path.join(migrations, "29991231000000_not_applied", "migration.sql"),
    'CREATE TABLE "NotApplied" ("id" TEXT);\n',
  );
  const config = path.join(dir, "prisma.config.mjs");
  writeFileSync(
    config,
    `export default ${JSON.stringify({ schema: schemaFile, migrations: { path: migrations }, datasource: { url } })};\n`,
  );
  return config;
}

describe("SQLite migrations (prisma/migrations)", () => {
  const migrationsDir = path.join(root, "prisma/migrations");
  const schemaFile = path.join(root, "prisma/schema.prisma");
  let dir: string;
  let env: Record<string, string>;

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), "migrations-test-"));
    // A file that does not exist yet: deploy must create it, as on a fresh clone.
    env = { DATABASE_URL: `file:${path.join(dir, "fresh.db")}` };
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("migrate deploy applies every migration to a fresh database", async () => {
    const deploy = await prisma(["migrate", "deploy"], env);
    expect(deploy.output).toContain("All migrations have been successfully applied.");
    expect(deploy.code).toBe(0);
    for (const name of migrationNames(migrationsDir)) expect(deploy.output).toContain(name);

    const db = new Database(path.join(dir, "fresh.db"), { readonly: true });
    try {
      const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as {
        name: string;
      }[];
      const names = tables.map((table) => table.name);
      expect(names).toEqual(expect.arrayContaining([...modelNames(schemaFile), "_prisma_migrations"]));
      const applied = db
        .prepare("SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY 1")
        .all();
      expect(applied.map((row) => (row as { migration_name: string }).migration_name)).toEqual(
        migrationNames(migrationsDir),
      );
    } finally {
      db.close();
    }
  });

  it("migrate status then reports the database up to date", async () => {
    const status = await prisma(["migrate", "status"], env);
    expect(status.output).toContain("Database schema is up to date!");
    expect(status.code).toBe(0);
  });

  it("migrate status fails when a migration has not been applied", async () => {
    const config = configWithExtraMigration(migrationsDir, schemaFile, env.DATABASE_URL!, dir);
    const status = await prisma(["migrate", "status", "--config", config], env);
    expect(status.output).toContain("29991231000000_not_applied");
    expect(status.code).not.toBe(0);
  });

  it("the migrations produce exactly prisma/schema.prisma (no drift)", async () => {
    const diff = await prisma(
      ["migrate", "diff", "--from-migrations", migrationsDir, "--to-schema", schemaFile, "--exit-code"],
      env,
    );
    expect(
      diff.output,
      "prisma/schema.prisma changed without a migration: run `npm run db:migrate:dev -- --name <change>`",
    ).toContain("No difference detected.");
    expect(diff.code).toBe(0);
  });

  it("the drift check catches a schema change without a migration", async () => {
    const diff = await prisma(
      [
        "migrate",
        "diff",
        "--from-migrations",
        migrationsDir,
        "--to-schema",
        schemaWithoutMigration(schemaFile, dir),
        "--exit-code",
      ],
      env,
    );
    expect(diff.output).toContain("NotMigrated");
    expect(diff.code).toBe(2);
  });
});

const postgresUrl = process.env.TEST_POSTGRES_URL;

describe.runIf(postgresUrl)(
  "PostgreSQL migrations (prisma/postgres/migrations), on TEST_POSTGRES_URL",
  () => {
    const migrationsDir = path.join(root, "prisma/postgres/migrations");
    const schemaFile = path.join(root, "prisma/postgres/schema.prisma");
    const database = `migrations_test_${process.pid}_${Date.now()}`;
    let dir: string;
    let env: Record<string, string>;

    /** Runs SQL on the server given by TEST_POSTGRES_URL (its own database). */
    async function admin(sql: string): Promise<pg.QueryResult> {
      const client = new pg.Client({ connectionString: postgresUrl });
      await client.connect();
      try {
        return await client.query(sql);
      } finally {
        await client.end();
      }
    }

    beforeAll(() => {
      dir = mkdtempSync(path.join(tmpdir(), "migrations-test-pg-"));
      const url = new URL(postgresUrl!);
      url.pathname = `/${database}`;
      env = { DATABASE_URL: url.toString() };
    });
    afterAll(async () => {
      rmSync(dir, { recursive: true, force: true });
      await admin(`DROP DATABASE IF EXISTS "${database}"`);
    });

    it("migrate deploy creates the database and applies every migration", async () => {
      const deploy = await prisma(["migrate", "deploy"], env);
      expect(deploy.output).toContain("All migrations have been successfully applied.");
      expect(deploy.code).toBe(0);
      for (const name of migrationNames(migrationsDir)) expect(deploy.output).toContain(name);
    });

    it("migrate status then reports the database up to date", async () => {
      const status = await prisma(["migrate", "status"], env);
      expect(status.output).toContain("Database schema is up to date!");
      expect(status.code).toBe(0);
    });

    it("migrate status fails when a migration has not been applied", async () => {
      const config = configWithExtraMigration(migrationsDir, schemaFile, env.DATABASE_URL!, dir);
      const status = await prisma(["migrate", "status", "--config", config], env);
      expect(status.output).toContain("29991231000000_not_applied");
      expect(status.code).not.toBe(0);
    });

    it("the migrations produce exactly prisma/postgres/schema.prisma (no drift)", async () => {
      const diff = await prisma(
        ["migrate", "diff", "--from-migrations", migrationsDir, "--to-schema", schemaFile, "--exit-code"],
        env,
      );
      expect(
        diff.output,
        "create the PostgreSQL migration too (see the README's database section)",
      ).toContain("No difference detected.");
      expect(diff.code).toBe(0);
    });

    it("the drift check catches a schema change without a migration", async () => {
      const diff = await prisma(
        [
          "migrate",
          "diff",
          "--from-migrations",
          migrationsDir,
          "--to-schema",
          schemaWithoutMigration(schemaFile, dir),
          "--exit-code",
        ],
        env,
      );
      expect(diff.output).toContain("NotMigrated");
      expect(diff.code).toBe(2);
    });

    it("leaves no shadow databases behind", async () => {
      const { rows } = await admin(
        "SELECT datname FROM pg_database WHERE datname LIKE 'prisma_migrate_shadow_db_%'",
      );
      expect(rows).toEqual([]);
    });
  },
);
