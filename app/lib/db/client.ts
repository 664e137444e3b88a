// The database client without "server-only", for scripts run under tsx (content sync, user
// creation, benchmarks). App code imports `prisma` from ./prisma instead.
//
// DATABASE_URL picks the database (see ./database-url.ts): a SQLite file by default, or
// PostgreSQL. Each provider has its own generated client (a datasource cannot switch provider);
// both are generated from the same models, so they share one API and one type, DbClient.
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as PostgresPrismaClient } from "../../generated/prisma/postgres/client";
import { PrismaClient as SqlitePrismaClient } from "../../generated/prisma/sqlite/client";
import { loadProjectEnv, postgresConnection, resolveDatabaseUrl } from "./database-url";

/** Password hashes stay out of every result unless a query asks: `omit: { passwordHash: false }`. */
const CLIENT_OPTIONS = { omit: { user: { passwordHash: true } } } as const;

/* ------------------------------------------------------------------ SQLite connection tuning */

/** How long a write waits for another connection's lock (a script, a second server) before SQLITE_BUSY. */
export const SQLITE_BUSY_TIMEOUT_MS = 5_000;

/**
 * Run once on each connection as it opens: WAL (readers never wait for the writer; persistent in
 * the file) and synchronous = NORMAL (in WAL mode a commit no longer waits for an fsync; a power
 * cut can lose the last commits but never corrupts the file).
 */
const SQLITE_PRAGMAS = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;";

/**
 * The better-sqlite3 adapter factory, with the pragmas above run through the adapter's public
 * `executeScript` on every connection it opens. The busy timeout is better-sqlite3's own
 * `timeout` option, which the adapter passes to `new Database()`.
 */
class TunedSqliteAdapterFactory {
  readonly provider = "sqlite";
  readonly adapterName: string;
  readonly #inner: PrismaBetterSqlite3;

  constructor(url: string) {
    // fileMustExist: a wrong path fails loudly instead of creating an empty database there
    // ("no such table"). Create the database with `npm run db:migrate`.
    this.#inner = new PrismaBetterSqlite3({ url, fileMustExist: true, timeout: SQLITE_BUSY_TIMEOUT_MS });
    this.adapterName = this.#inner.adapterName;
  }

  async connect() {
    const adapter = await this.#inner.connect();
    await adapter.executeScript(SQLITE_PRAGMAS);
    return adapter;
  }

  connectToShadowDb() {
    return this.#inner.connectToShadowDb();
  }
}

function createSqliteClient(url: string) {
  return new SqlitePrismaClient({ ...CLIENT_OPTIONS, adapter: new TunedSqliteAdapterFactory(url) });
}

/** The client type for every provider: SQLite's, which PostgreSQL's matches model for model. */
export type DbClient = ReturnType<typeof createSqliteClient>;

/** The client inside `db.$transaction(async (tx) => …)`. */
export type DbTransaction = Parameters<Parameters<DbClient["$transaction"]>[0]>[0];

/**
 * A new client for DATABASE_URL (or the URL given). Scripts that create one should call
 * `$disconnect()` when done; app code uses the shared `prisma` instead.
 */
export function createDbClient(databaseUrl?: string): DbClient {
  if (databaseUrl === undefined) loadProjectEnv();
  const database = resolveDatabaseUrl(
    databaseUrl === undefined ? process.env : { DATABASE_URL: databaseUrl },
  );
  if (database.provider === "sqlite") return createSqliteClient(database.url);

  const { connectionString, schema, max } = postgresConnection(database.url);
  const client = new PostgresPrismaClient({
    ...CLIENT_OPTIONS,
    adapter: new PrismaPg({ connectionString, max }, schema ? { schema } : undefined),
  });
  // Same schema, so same model API; the PostgreSQL client only adds provider extras (e.g.
  // `mode: "insensitive"`), which code written against DbClient cannot use anyway.
  return client as unknown as DbClient;
}

/** One client per process (and per DATABASE_URL), kept on globalThis so Next.js dev reloads reuse it. */
const globalForDb = globalThis as typeof globalThis & { __studyGuideDb?: { url: string; client: DbClient } };

function sharedClient(): DbClient {
  loadProjectEnv();
  const { url } = resolveDatabaseUrl(process.env);
  const cached = globalForDb.__studyGuideDb;
  if (cached?.url === url) return cached.client;
  if (cached) void cached.client.$disconnect().catch(() => {});
  const client = createDbClient(url);
  globalForDb.__studyGuideDb = { url, client };
  return client;
}

/** The shared client. */
export const prisma: DbClient = sharedClient();
