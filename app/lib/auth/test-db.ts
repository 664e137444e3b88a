/**
 * Test helper: a fresh SQLite database in a temp directory, migrated with the project's own
 * migrate command (`node scripts/prisma.mjs migrate deploy`). Call at the top of a test file,
 * before anything imports the Prisma client; await `ready` in beforeAll.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const root = path.resolve(import.meta.dirname, "..", "..", "..");

export function useTempDatabase(label: string) {
  const dir = mkdtempSync(path.join(tmpdir(), `rbo-${label}-`));
  const url = `file:${path.join(dir, "test.db")}`;
  process.env.DATABASE_URL = url;
  const ready = promisify(execFile)(process.execPath, ["scripts/prisma.mjs", "migrate", "deploy"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url },
  }).then(() => undefined);
  return {
    url,
    ready,
    async cleanup() {
      try {
        const { prisma } = await import("@/app/lib/db/prisma");
        await prisma.$disconnect();
      } catch {
        // never connected
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
