#!/usr/bin/env node
// @ts-check
// Generates both Prisma clients (app/generated/prisma/sqlite and …/postgres) through the
// offline wrapper, in parallel. Run by `npm run db:generate` (after deriving the PostgreSQL
// schema) and by `postinstall`. Skips quietly when the Prisma CLI is not installed (production
// installs without devDependencies), so such an install does not fail.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));
const SCHEMAS = ["prisma/schema.prisma", "prisma/postgres/schema.prisma"];

if (
  !existsSync(path.join(root, "node_modules/.bin/prisma")) ||
  !existsSync(path.join(root, "node_modules/tsx"))
) {
  console.log("db:generate: Prisma CLI not installed (devDependencies omitted); skipping client generation.");
  process.exit(0);
}

const started = performance.now();
const codes = await Promise.all(
  SCHEMAS.map(
    (schema) =>
      new Promise((resolve) => {
        const child = spawn(
          process.execPath,
          [path.join(root, "scripts/prisma.mjs"), "generate", "--schema", schema],
          {
            cwd: root,
            stdio: ["ignore", "pipe", "pipe"],
          },
        );
        let output = "";
        child.stdout.on("data", (chunk) => (output += chunk));
        child.stderr.on("data", (chunk) => (output += chunk));
        child.on("exit", (code) => {
          // Keep the useful line, not the config/schema banners twice over.
          const line = output.split("\n").find((l) => l.includes("Generated Prisma Client"));
          if (code === 0) console.log(line?.trim() ?? `Generated the client for ${schema}`);
          else console.error(`prisma generate --schema ${schema} failed (exit ${code}):\n${output}`);
          resolve(code ?? 1);
        });
      }),
  ),
);
const failed = codes.some((code) => code !== 0);
if (!failed) console.log(`db:generate: both clients in ${Math.round(performance.now() - started)} ms`);
process.exit(failed ? 1 : 0);
