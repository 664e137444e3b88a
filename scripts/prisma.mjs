#!/usr/bin/env node
// @ts-check
// Runs the Prisma CLI offline: `node scripts/prisma.mjs <prisma args>` (or `npm run prisma -- …`).
// Prisma 7 downloads its native schema engine before generate/migrate/db commands, and only the
// npm registry is reachable here, so every call goes through this wrapper, which points the CLI
// at scripts/prisma-engine/schema-engine.mjs (the same engine compiled to WASM) and turns off
// everything else that would phone home.
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { tsImport } from "tsx/esm/api";

const root = fileURLToPath(new URL("..", import.meta.url));
const args = process.argv.slice(2);

/** @type {typeof import("../app/lib/db/database-url")} */
const { loadProjectEnv, resolveDatabaseUrl } = await tsImport(
  "../app/lib/db/database-url.ts",
  import.meta.url,
);

let database;
try {
  // .env / .env.local as Next.js reads them, so the CLI migrates the database the app uses.
  loadProjectEnv(root);
  database = resolveDatabaseUrl(process.env, root);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

/** @type {NodeJS.ProcessEnv} */
const env = {
  ...process.env,
  // The absolute form, so the config, the CLI and the engine all see the same database.
  DATABASE_URL: database.url,
  PRISMA_SCHEMA_ENGINE_BINARY: path.join(root, "scripts/prisma-engine/schema-engine.mjs"),
  // No checksum files exist for a local engine; do not look for them online.
  PRISMA_ENGINES_CHECKSUM_IGNORE_MISSING: "1",
  // No update check, no telemetry, no "new version available" banner.
  CHECKPOINT_DISABLE: "1",
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
  PRISMA_TELEMETRY_DISABLED: "1",
  DO_NOT_TRACK: "1",
};

// Subcommands that take --config. The config sits in .config/ (the top level is fixed); Prisma
// also finds it there by itself, but only when run from the project root.
const TAKES_CONFIG = new Set([
  "generate",
  "migrate",
  "db",
  "validate",
  "format",
  "studio",
  "debug",
  "version",
]);
const command = args.find((arg) => !arg.startsWith("-"));
const hasConfig = args.some((arg) => arg === "--config" || arg.startsWith("--config="));
const configArgs =
  command && TAKES_CONFIG.has(command) && !hasConfig
    ? ["--config", path.join(root, ".config/prisma.ts")]
    : [];

const child = spawn(path.join(root, "node_modules/.bin/prisma"), [...args, ...configArgs], {
  stdio: "inherit",
  env,
});
for (const signal of /** @type {const} */ (["SIGINT", "SIGTERM", "SIGHUP"])) {
  process.on(signal, () => child.kill(signal));
}
child.on("error", (error) => {
  console.error(`Could not run the Prisma CLI: ${error.message}`);
  process.exit(1);
});
child.on("exit", (code, signal) => {
  process.exit(code ?? (signal ? 128 : 1));
});
