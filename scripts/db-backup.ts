/**
 * `npm run db:backup -- --out FILE` and `npm run db:restore -- FILE [--yes]` for the database
 * DATABASE_URL names (.env.local included, as the app reads it). See scripts/db/backup.ts.
 *
 * Restore replaces the whole database: it asks first (`--yes` for scripts). Stop the server
 * before restoring, so that nobody works on data that is about to be replaced.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
import { loadProjectEnv, resolveDatabaseUrl } from "../app/lib/db/database-url";
import { BackupError, backupDatabase, restoreDatabase } from "./db/backup";

const USAGE = ["Usage: npm run db:backup -- --out FILE", "       npm run db:restore -- FILE [--yes]"].join(
  "\n",
);

async function confirm(question: string): Promise<boolean> {
  if (!process.stdin.isTTY) return false;
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return /^y(es)?$/i.test((await rl.question(question)).trim());
  } finally {
    rl.close();
  }
}

async function main(): Promise<number> {
  const [command, ...rest] = process.argv.slice(2);
  const { values, positionals } = parseArgs({
    args: rest,
    options: {
      out: { type: "string" },
      yes: { type: "boolean", short: "y" },
      help: { type: "boolean", short: "h" },
    },
    allowPositionals: true,
  });
  if (values.help) return (console.log(USAGE), 0);
  loadProjectEnv();
  const db = resolveDatabaseUrl();
  const where = db.provider === "sqlite" ? db.file : "the PostgreSQL database in DATABASE_URL";

  if (command === "backup") {
    if (!values.out || positionals.length) return (console.error(USAGE), 2);
    const out = path.resolve(values.out);
    if (existsSync(out) && !values.yes && !(await confirm(`${out} exists. Overwrite it? [y/N] `)))
      return (console.error(`Not overwriting ${out} (pass --yes to overwrite).`), 1);
    const started = Date.now();
    await backupDatabase(db, out);
    console.log(`Backed up ${where} to ${out} in ${Date.now() - started} ms.`);
    return 0;
  }
  if (command === "restore") {
    const from = positionals[0];
    if (!from || positionals.length > 1) return (console.error(USAGE), 2);
    const file = path.resolve(from);
    const exists = db.provider === "postgresql" || existsSync(db.file);
    if (
      exists &&
      !values.yes &&
      !(await confirm(`Replace everything in ${where} with ${file}? Stop the server first. [y/N] `))
    )
      return (console.error("Nothing restored (pass --yes to restore without asking)."), 1);
    await restoreDatabase(db, file);
    console.log(`Restored ${where} from ${file}.`);
    return 0;
  }
  console.error(USAGE);
  return 2;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof BackupError ? error.message : error);
    process.exit(1);
  },
);
