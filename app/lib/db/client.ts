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
const SQLITE_BUSY_TIMEOUT_MS = 5_000;
/** Prepared statements kept per connection (Prisma's SQL varies only with IN-list lengths). */
const STATEMENT_CACHE_SIZE = 256;

/** The parts of a better-sqlite3 Statement the adapter uses (prepare(sql).bind(args), then run/all). */
interface RawStatement {
  readonly reader: boolean;
  columns(): unknown[];
  raw(toggle?: boolean): RawStatement;
  all(...params: unknown[]): unknown[];
  get(...params: unknown[]): unknown;
  run(...params: unknown[]): unknown;
  bind(...params: unknown[]): RawStatement;
}
interface RawDatabase {
  prepare(sql: string): RawStatement;
  pragma(source: string, options?: { simple?: boolean }): unknown;
  readonly memory: boolean;
}

/**
 * A statement prepared once and reused: `bind()` on a better-sqlite3 statement is permanent, so
 * each use gets this small view that passes the arguments to run/all instead. Statements run
 * synchronously to completion, so reuse cannot interleave.
 */
function boundView(stmt: RawStatement, args: unknown[]): RawStatement {
  let raw = false;
  const view: RawStatement = {
    reader: stmt.reader,
    columns: () => stmt.columns(),
    raw(toggle?: boolean) {
      raw = toggle ?? true;
      return view;
    },
    // The raw flag lives on the shared statement: set it from this view on every read.
    all: () => (stmt.reader ? stmt.raw(raw) : stmt).all(...args),
    get: () => (stmt.reader ? stmt.raw(raw) : stmt).get(...args),
    run: () => stmt.run(...args),
    bind: () => {
      throw new TypeError("The bind() method can only be invoked once per statement object");
    },
  };
  return view;
}

/**
 * Tune one SQLite connection as it opens: WAL (readers never wait for the writer; persistent in
 * the file), synchronous = NORMAL (in WAL mode a commit no longer waits for an fsync; a power cut
 * can lose the last commits but never corrupts the file), a busy timeout for other processes'
 * locks, and a prepared-statement cache: the adapter prepares every query afresh, which cost
 * ~8% of a quiz submission's CPU.
 */
function tuneSqliteConnection(db: RawDatabase) {
  if (!db.memory) db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
  const prepare = db.prepare.bind(db);
  const cache = new Map<string, RawStatement>();
  db.prepare = (sql: string): RawStatement => {
    let stmt = cache.get(sql);
    if (stmt) {
      cache.delete(sql); // re-insert: Map order is the LRU order
    } else {
      stmt = prepare(sql);
      if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
    }
    cache.set(sql, stmt);
    const cached = stmt;
    return {
      ...boundView(cached, []),
      bind: (...args: unknown[]) =>
        boundView(cached, args.length === 1 && Array.isArray(args[0]) ? args[0] : args),
    };
  };
}

/** The adapter factory with every connection it opens tuned (the adapter has no hook for it). */
function tunedSqliteAdapter(url: string): PrismaBetterSqlite3 {
  const factory = new PrismaBetterSqlite3({ url, fileMustExist: true });
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    const db = (adapter as unknown as { client?: RawDatabase }).client;
    if (db && typeof db.prepare === "function" && typeof db.pragma === "function") tuneSqliteConnection(db);
    return adapter;
  };
  return factory;
}

function createSqliteClient(url: string) {
  // fileMustExist: a wrong path fails loudly instead of creating an empty database there
  // ("no such table"). Create the database with `npm run db:migrate`.
  return new SqlitePrismaClient({ ...CLIENT_OPTIONS, adapter: tunedSqliteAdapter(url) });
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
