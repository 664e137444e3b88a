#!/usr/bin/env node
// `npm run test:postgres`: the database integration suites again, on PostgreSQL.
// Needs TEST_POSTGRES_URL (a server where the tests may create and drop databases); without it
// this says so and exits 0, so `npm test` stays runnable on a machine with no PostgreSQL.
import { spawnSync } from "node:child_process";

if (!process.env.TEST_POSTGRES_URL) {
  console.log("test:postgres: TEST_POSTGRES_URL is not set, so the PostgreSQL run is skipped (CI sets it).");
  process.exit(0);
}
// The suites built on tempDatabase (app/lib/db/test-database.ts). The PostgreSQL parts of
// prisma/migrations.test.ts and client.test.ts already run in test:unit when the URL is set.
const suites = [
  "app/lib/db",
  "app/lib/auth/actions.test.ts",
  "app/lib/auth/throttle.test.ts",
  "app/lib/auth/account-security.test.ts",
  "app/lib/account/data.test.ts",
  "app/lib/attempts/service.test.ts",
  "app/lib/attempts/share.test.ts",
  "app/lib/attempts/module-test.test.ts",
  "app/lib/progress/review.test.ts",
  "app/lib/classes/teach.test.ts",
  "app/lib/classes/join-throttle.test.ts",
  "app/lib/classes/join-on-arrival.test.ts",
  "scripts/content-sync.test.ts",
  "app/lib/http/teach-routes.test.ts",
  "scripts/db/backup-postgres.test.ts",
];
const result = spawnSync(
  process.execPath,
  ["node_modules/vitest/vitest.mjs", "run", "--config", ".config/vitest.config.ts", ...suites],
  { stdio: "inherit", env: { ...process.env, TEST_DATABASE: "postgres" } },
);
process.exit(result.status ?? 1);
