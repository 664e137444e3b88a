/**
 * Test helper: a fresh database for one test file, migrated with the project's own migrate
 * command (`node scripts/prisma.mjs migrate deploy`). Call at the top of a test file, before
 * anything imports the Prisma client; await `ready` in beforeAll and `cleanup()` in afterAll.
 *
 * SQLite by default (a file in a temp directory). With TEST_DATABASE=postgres and
 * TEST_POSTGRES_URL pointing at a server, the same suites run on PostgreSQL instead, each file in
 * a database of its own that is dropped afterwards (`npm run test:postgres`).
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";

const root = path.resolve(import.meta.dirname, "..", "..", "..");

/** The PostgreSQL server to run on, when the suite was asked to (else SQLite). */
function postgresServer(): string | null {
  if (process.env.TEST_DATABASE !== "postgres") return null;
  const url = process.env.TEST_POSTGRES_URL;
  if (!url)
    throw new Error(
      "TEST_DATABASE=postgres needs TEST_POSTGRES_URL (a server URL the tests may create databases on).",
    );
  return url;
}

async function onServer(serverUrl: string, sql: string) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export function tempDatabase(label: string) {
  const server = postgresServer();
  let url: string;
  let dropDatabase: () => Promise<void>;
  if (server) {
    const name = `rbo_test_${label.replace(/\W/g, "_")}_${process.pid}_${Date.now()}`;
    const target = new URL(server);
    target.pathname = `/${name}`;
    url = target.toString();
    dropDatabase = () => onServer(server, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } else {
    const dir = mkdtempSync(path.join(tmpdir(), `rbo-${label}-`));
    url = `file:${path.join(dir, "test.db")}`;
    dropDatabase = () => {
      rmSync(dir, { recursive: true, force: true });
      return Promise.resolve();
    };
  }
  process.env.DATABASE_URL = url;
  const ready = promisify(execFile)(process.execPath, ["scripts/prisma.mjs", "migrate", "deploy"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url },
  }).then(() => undefined);
  return {
    url,
    ready,
    provider: server ? ("postgresql" as const) : ("sqlite" as const),
    async cleanup() {
      try {
        const { prisma } = await import("@/app/lib/db/prisma");
        await prisma.$disconnect();
      } catch {
        // never connected
      }
      await dropDatabase();
    },
  };
}
