// Prisma 7 config. It lives in .config/ because the repository's top level is fixed; Prisma
// finds .config/prisma.ts on its own (c12 looks there after ./prisma.config.*), and
// scripts/prisma.mjs also passes --config explicitly.
// Run the CLI through `npm run prisma -- …` (scripts/prisma.mjs), which supplies the offline
// schema engine.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "prisma/config";
import { PRISMA_LAYOUT, resolveDatabaseUrl } from "../app/lib/db/database-url";

const root = fileURLToPath(new URL("..", import.meta.url));
const database = resolveDatabaseUrl(process.env, root);
// One schema and one migrations folder per provider (a datasource cannot take its provider
// from env()); prisma/postgres/ is derived from prisma/schema.prisma.
const layout = PRISMA_LAYOUT[database.provider];
const shadowDatabaseUrl = process.env.SHADOW_DATABASE_URL?.trim();

export default defineConfig({
  schema: path.join(root, layout.schema),
  migrations: { path: path.join(root, layout.migrations) },
  datasource: {
    url: database.url,
    ...(shadowDatabaseUrl ? { shadowDatabaseUrl } : {}),
  },
});
