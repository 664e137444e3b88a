// The one place that turns the environment into a database URL. Used by the Prisma config
// (.config/prisma.ts), the CLI wrapper (scripts/prisma.mjs) and the runtime client (client.ts).
// No "server-only" here: the config and the scripts load this file outside Next.js.
import path from "node:path";
import * as nextEnvModule from "@next/env";

export type DatabaseProvider = "sqlite" | "postgresql";

export type ResolvedDatabase =
  { provider: "sqlite"; url: string; file: string } | { provider: "postgresql"; url: string };

/** Default database, relative to the project root; prisma/data/ is gitignored. */
export const DEFAULT_SQLITE_FILE = "prisma/data/app.db";

/** Where each provider keeps its schema and migrations, relative to the project root. */
export const PRISMA_LAYOUT = {
  sqlite: { schema: "prisma/schema.prisma", migrations: "prisma/migrations" },
  postgresql: { schema: "prisma/postgres/schema.prisma", migrations: "prisma/postgres/migrations" },
} as const satisfies Record<DatabaseProvider, { schema: string; migrations: string }>;

/**
 * Resolves DATABASE_URL (default: the SQLite file above).
 * - `file:` URLs are SQLite; a relative path is taken from the project root (not the current
 *   directory), and the result is always an absolute `file:` URL.
 * - `postgres://` and `postgresql://` URLs are PostgreSQL and are returned unchanged.
 */
export function resolveDatabaseUrl(
  env: Readonly<Record<string, string | undefined>> = process.env,
  projectRoot: string = process.cwd(),
): ResolvedDatabase {
  const raw = env.DATABASE_URL?.trim() || `file:${DEFAULT_SQLITE_FILE}`;
  if (raw.startsWith("file:")) {
    // Query parameters (e.g. ?connection_limit=1) mean nothing to better-sqlite3.
    let file = raw.slice("file:".length).replace(/[?#].*$/, "");
    if (file.startsWith("//")) file = decodeURIComponent(new URL(raw).pathname);
    if (!file) throw new Error(`DATABASE_URL ${raw} has no file path.`);
    const absolute = path.resolve(projectRoot, file);
    return { provider: "sqlite", url: `file:${absolute}`, file: absolute };
  }
  if (/^postgres(ql)?:\/\//.test(raw)) return { provider: "postgresql", url: raw };
  throw new Error(
    `DATABASE_URL must start with file: (SQLite) or postgres:// / postgresql:// (PostgreSQL); got "${redact(raw)}".`,
  );
}

/**
 * Loads .env, .env.local, .env.development… the way Next.js does (same files, same precedence;
 * variables already set win), so that a DATABASE_URL kept in .env.local reaches the CLI wrapper
 * and the scripts too, not only the app. A no-op inside Next.js, which has loaded them already.
 */
export function loadProjectEnv(projectRoot: string = process.cwd()): void {
  if (process.env.NEXT_RUNTIME) return;
  // @next/env is CommonJS: a named export under bundlers and CJS, only `default` under Node ESM.
  const nextEnv = nextEnvModule as typeof nextEnvModule & { default?: typeof nextEnvModule };
  const loadEnvConfig = nextEnv.loadEnvConfig ?? nextEnv.default?.loadEnvConfig;
  const quiet = { info: () => {}, error: (...args: unknown[]) => console.error(...args) };
  loadEnvConfig(projectRoot, process.env.NODE_ENV !== "production", quiet);
}

/**
 * Splits a PostgreSQL URL into what node-postgres understands and Prisma's own `schema`
 * parameter (the PostgreSQL schema the tables live in), which node-postgres ignores.
 */
export function postgresConnection(url: string): {
  connectionString: string;
  schema: string | undefined;
  /** Pool size from Prisma's `connection_limit` parameter, if given. */
  max: number | undefined;
} {
  const parsed = new URL(url);
  const schema = parsed.searchParams.get("schema") || undefined;
  const limit = Number(parsed.searchParams.get("connection_limit"));
  const max = Number.isInteger(limit) && limit > 0 ? limit : undefined;
  // Prisma-only parameters from the Prisma 6 days; node-postgres would ignore or misread them.
  for (const key of ["schema", "connection_limit", "pool_timeout", "pgbouncer", "statement_cache_size"]) {
    parsed.searchParams.delete(key);
  }
  return { connectionString: parsed.toString(), schema, max };
}

/** Hides the password of a database URL for messages and logs. */
export function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, "//$1:***@");
}
