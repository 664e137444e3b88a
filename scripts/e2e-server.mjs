#!/usr/bin/env node
// Starts the production server for the Playwright run on a fresh end-to-end database.
// Refuses to touch any database that is not the e2e one, so a test run can never wipe real data.
import { spawn, spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const url = process.env.DATABASE_URL ?? "";
const expected = `file:${path.join(root, "prisma", "data", "e2e.db")}`;
if (url !== expected) {
  console.error(`e2e-server: refusing to run against DATABASE_URL=${url || "(unset)"}; expected ${expected}`);
  process.exit(2);
}

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env: process.env });
  if (result.status !== 0) {
    console.error(`e2e-server: ${command} ${args.join(" ")} failed with ${result.status}`);
    process.exit(result.status ?? 1);
  }
}

const dbFile = expected.slice("file:".length);
for (const suffix of ["", "-journal", "-wal", "-shm"]) rmSync(dbFile + suffix, { force: true });

run("node", ["scripts/prisma.mjs", "migrate", "deploy"]);
run("node", ["--import", "tsx", "scripts/content-sync.ts"]);
if (!process.env.E2E_SKIP_BUILD) run("node", ["node_modules/next/dist/bin/next", "build"]);

const port = process.env.E2E_PORT ?? "3100";
const server = spawn("node", ["node_modules/next/dist/bin/next", "start", "-p", port, "-H", "127.0.0.1"], {
  cwd: root,
  stdio: "inherit",
  env: process.env,
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
