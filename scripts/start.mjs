#!/usr/bin/env node
// `npm start`: everything a fresh clone needs, then the production server on port 3000.
// 1. .env.local with a generated NEXTAUTH_SECRET (first run only)
// 2. database migrations (SQLite file prisma/data/app.db unless DATABASE_URL says otherwise)
// 3. content sync: lessons and the generated question bank, idempotent
// 4. a production build when the sources are newer than the last one
// 5. next start
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.env.NEXT_TELEMETRY_DISABLED = "1";

function step(label, command, args) {
  console.log(`\n▸ ${label}`);
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env: process.env });
  if (result.status !== 0) {
    console.error(
      `\n✗ ${label} failed (exit ${result.status}). Fix the error above and run npm start again.`,
    );
    process.exit(result.status ?? 1);
  }
}

/** Newest modification time under the given paths (skipping generated folders). */
function newestMtime(paths) {
  let newest = 0;
  const visit = (p) => {
    if (!existsSync(p)) return;
    const stat = statSync(p);
    if (stat.isDirectory()) {
      if (["node_modules", ".next", "generated", "data"].includes(path.basename(p))) return;
      for (const entry of readdirSync(p)) visit(path.join(p, entry));
    } else newest = Math.max(newest, stat.mtimeMs);
  };
  paths.forEach((p) => visit(path.join(root, p)));
  return newest;
}

function buildIsCurrent() {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return false;
  const sources = newestMtime([
    "app",
    "content",
    "next.config.mjs",
    "package-lock.json",
    ".postcssrc.json",
    "tsconfig.json",
  ]);
  return statSync(buildId).mtimeMs > sources;
}

step("Environment (.env.local)", "node", ["--import", "tsx", "scripts/ensure-env.ts"]);
step("Database migrations", "node", ["scripts/prisma.mjs", "migrate", "deploy"]);
step("Content sync (lessons and question bank)", "node", ["--import", "tsx", "scripts/content-sync.ts"]);
if (buildIsCurrent()) console.log("\n▸ Production build is up to date");
else step("Production build", "node", ["node_modules/next/dist/bin/next", "build"]);

const port = process.env.PORT ?? "3000";
console.log(`\n▸ Starting on http://localhost:${port}\n`);
// Cap V8's old space: left alone, V8 grows the heap lazily towards ~2 GB before collecting in
// earnest, so a busy server's RSS climbed past 430 MB on garbage alone (measured with
// `npm run bench`); with 256 MB it stayed near 300 MB, with no measurable latency cost. An
// explicit --max-old-space-size in NODE_OPTIONS wins.
const SERVER_HEAP_MB = 256;
const nodeOptions = /--max-old-space-size/.test(process.env.NODE_OPTIONS ?? "")
  ? process.env.NODE_OPTIONS
  : `${process.env.NODE_OPTIONS ?? ""} --max-old-space-size=${SERVER_HEAP_MB}`.trim();
const server = spawn("node", ["node_modules/next/dist/bin/next", "start", "-p", port], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, NODE_OPTIONS: nodeOptions },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
