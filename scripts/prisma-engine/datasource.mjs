// @ts-check
// Database access for the schema-engine stand-in: turns the datasource URL the Prisma CLI hands
// us into driver-adapter factories for the WASM engine, and implements the engine's one-shot
// `cli can-connect-to-database` / `cli create-database` commands, which the WASM build lacks.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { parse as parsePgConnectionString } from "pg-connection-string";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";

/** An error that carries a Prisma error code (P1001, P1003, ...), reported as the native engine would. */
export class EngineError extends Error {
  /** @param {string} code @param {string} message */
  constructor(code, message) {
    super(message);
    this.code = code;
  }
}

/**
 * @typedef {{ provider: "sqlite", url: string, file: string }} SqliteTarget
 * @typedef {{ provider: "postgres", url: string, config: pg.PoolConfig, schema: string | undefined,
 *             database: string, host: string, port: number }} PostgresTarget
 * @typedef {SqliteTarget | PostgresTarget} Target
 */

/**
 * @param {string} url
 * @param {string} [baseDir] where relative SQLite paths start (the CLI runs us in the project root)
 * @returns {Target}
 */
export function parseDatasourceUrl(url, baseDir = process.cwd()) {
  if (url.startsWith("file:")) {
    let file = url.slice("file:".length).replace(/[?#].*$/, "");
    if (file.startsWith("//")) file = decodeURIComponent(new URL(url).pathname);
    if (!file || file === ":memory:")
      throw new EngineError("P1013", `The SQLite URL ${url} has no file path.`);
    return { provider: "sqlite", url, file: path.resolve(baseDir, file) };
  }
  if (/^postgres(ql)?:\/\//.test(url)) {
    const parsed = parsePgConnectionString(url);
    // Prisma-only parameters that node-postgres does not understand.
    const {
      schema,
      connection_limit,
      pool_timeout,
      socket_timeout,
      connect_timeout,
      pgbouncer,
      statement_cache_size,
      ...rest
    } = /** @type {Record<string, any>} */ (parsed);
    const host = rest.host || "localhost";
    const port = Number(rest.port || 5432);
    const database = rest.database || rest.user || "postgres";
    // Separate fields, never `connectionString`: node-postgres lets connectionString win over
    // `database`, and the shadow-database code overrides `database`.
    /** @type {pg.PoolConfig} */
    const config = {
      host,
      port,
      database,
      user: rest.user ? decodeURIComponent(rest.user) : undefined,
      password: rest.password ?? undefined,
      ssl: rest.ssl ?? undefined,
      application_name: rest.application_name ?? "prisma-schema-engine-wasm",
      // Prisma's `?schema=` means "this PostgreSQL schema": unqualified migration SQL and the
      // engine's catalog queries must land there, as with the native engine.
      options:
        [rest.options, schema ? `-c search_path=${quoteIdent(schema)}` : undefined]
          .filter(Boolean)
          .join(" ") || undefined,
      connectionTimeoutMillis: connect_timeout ? Number(connect_timeout) * 1000 : 10_000,
      Client: CharAsTextClient,
    };
    return { provider: "postgres", url, config, schema: schema || undefined, database, host, port };
  }
  throw new EngineError(
    "P1013",
    "The provided database string is invalid. Only `file:` (SQLite) and " +
      "`postgres://`/`postgresql://` URLs are supported by this schema engine.",
  );
}

/**
 * The engine's catalog queries read PostgreSQL's internal `"char"` type (OID 18), which
 * adapter-pg refuses to deserialize ("Column type 'char' could not be deserialized").
 * Its text form is a single character, so we report it as `text` (OID 25).
 */
class CharAsTextClient extends pg.Client {
  /** @param {any[]} args */
  query(...args) {
    const last = args.length - 1;
    if (typeof args[last] === "function") {
      const callback = args[last];
      args[last] = (/** @type {any} */ err, /** @type {any} */ res) =>
        callback(err, err ? res : charAsText(res));
      // @ts-expect-error -- forwarding the overloads unchanged
      return super.query(...args);
    }
    // @ts-expect-error -- forwarding the overloads unchanged
    const result = super.query(...args);
    return result && typeof result.then === "function" ? result.then(charAsText) : result;
  }
}

/** @param {any} result */
function charAsText(result) {
  for (const r of Array.isArray(result) ? result : [result]) {
    for (const field of r?.fields ?? []) if (field.dataTypeID === 18) field.dataTypeID = 25;
  }
  return result;
}

/** @param {string} name */
const quoteIdent = (name) => `"${name.replaceAll('"', '""')}"`;

/**
 * A migration-aware adapter factory (connect + connectToShadowDb) with the fixes the WASM
 * engine needs, plus `close()`, which disposes every connection it handed out. The engine host
 * calls close() before deleting a SQLite file and when it replaces an engine after an error.
 * @param {Target} target
 * @param {string | undefined} shadowDatabaseUrl
 */
export function createAdapterFactory(target, shadowDatabaseUrl) {
  /** @type {Set<{ dispose(): Promise<void> }>} */
  const open = new Set();

  /** Keep track of an adapter and make its dispose() idempotent. @param {any} adapter */
  function track(adapter) {
    const dispose = adapter.dispose.bind(adapter);
    let disposed = false;
    adapter.dispose = async () => {
      if (disposed) return;
      disposed = true;
      open.delete(adapter);
      await dispose();
    };
    open.add(adapter);
    return adapter;
  }

  /** @type {{ provider: string, adapterName: string, connect(): Promise<any>, connectToShadowDb(): Promise<any> }} */
  let factory;
  if (target.provider === "sqlite") {
    const main = new PrismaBetterSqlite3({ url: `file:${target.file}` });
    // The shadow database lives in memory unless a shadow URL is configured.
    const shadowFile = shadowDatabaseUrl
      ? /** @type {SqliteTarget} */ (parseDatasourceUrl(shadowDatabaseUrl)).file
      : ":memory:";
    const shadow = new PrismaBetterSqlite3({ url: `file:${shadowFile}` });
    factory = {
      provider: main.provider,
      adapterName: main.adapterName,
      connect: async () => track(multiStatementSafe(await main.connect())),
      connectToShadowDb: async () => {
        if (shadowFile !== ":memory:") removeSqliteFiles(shadowFile);
        return track(multiStatementSafe(await shadow.connect()));
      },
    };
  } else {
    const options = target.schema ? { schema: target.schema } : undefined;
    // One connection for the main database: the engine's pg_advisory_lock is per session, and
    // session state must not hop between pooled connections.
    const main = new PrismaPg({ ...target.config, max: 1 }, options);
    factory = {
      provider: main.provider,
      adapterName: main.adapterName,
      connect: async () => track(await ensureSchema(singleQueryScripts(await main.connect()), target.schema)),
      connectToShadowDb: async () =>
        track(
          await ensureSchema(
            singleQueryScripts(await connectPostgresShadow(target, shadowDatabaseUrl, options)),
            target.schema,
          ),
        ),
    };
  }

  return {
    factory,
    async close() {
      for (const adapter of [...open]) await adapter.dispose().catch(() => {});
    },
  };
}

/**
 * better-sqlite3 rejects several statements in one prepared statement ("contains more than one
 * statement"), and the engine sends whole migration scripts through executeRaw when it replays
 * them on the shadow database. Such scripts go through executeScript (sqlite3_exec) instead.
 * @param {any} adapter
 */
function multiStatementSafe(adapter) {
  const executeRaw = adapter.executeRaw.bind(adapter);
  adapter.executeRaw = async (/** @type {{ sql: string, args: unknown[] }} */ query) => {
    try {
      return await executeRaw(query);
    } catch (error) {
      if (
        query.args.length === 0 &&
        /more than one statement/i.test(String(/** @type {any} */ (error)?.message))
      ) {
        await adapter.executeScript(query.sql);
        return 0;
      }
      throw error;
    }
  };
  return adapter;
}

/**
 * adapter-pg's executeScript splits the script on every ";" (breaking semicolons inside string
 * literals) and sends the pieces to arbitrary pooled connections. The native engine sends the
 * script as one simple-protocol query, which PostgreSQL runs in one implicit transaction.
 * @param {any} adapter
 */
function singleQueryScripts(adapter) {
  adapter.executeScript = async (/** @type {string} */ script) => {
    await adapter.performIO({ sql: script, args: [], argTypes: [] });
  };
  return adapter;
}

/**
 * The native engine creates the `?schema=` schema when it is missing; the WASM engine expects it.
 * @param {any} adapter @param {string | undefined} schema
 */
async function ensureSchema(adapter, schema) {
  if (schema) await adapter.executeScript(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
  return adapter;
}

/**
 * adapter-pg's own connectToShadowDb drops the shadow database before closing its pool
 * ("is being accessed by other users"), so the database leaks. Here the pool ends first.
 * @param {PostgresTarget} target
 * @param {string | undefined} shadowDatabaseUrl
 * @param {{ schema: string } | undefined} options
 */
async function connectPostgresShadow(target, shadowDatabaseUrl, options) {
  if (shadowDatabaseUrl) {
    // A configured shadow database is emptied and reused, as the native engine does.
    const shadow = /** @type {PostgresTarget} */ (parseDatasourceUrl(shadowDatabaseUrl));
    const schema = shadow.schema ?? "public";
    const admin = new pg.Client(shadow.config);
    await admin.connect();
    try {
      await admin.query(
        `DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE; CREATE SCHEMA ${quoteIdent(schema)}`,
      );
    } finally {
      await admin.end();
    }
    return new PrismaPg(
      { ...shadow.config, max: 1 },
      shadow.schema ? { schema: shadow.schema } : undefined,
    ).connect();
  }
  const name = `prisma_migrate_shadow_db_${crypto.randomUUID()}`;
  await withAdminClient(target.config, (client) => client.query(`CREATE DATABASE ${quoteIdent(name)}`));
  const adapter = await new PrismaPg({ ...target.config, database: name, max: 1 }, options).connect();
  const dispose = adapter.dispose.bind(adapter);
  adapter.dispose = async () => {
    await dispose(); // ends the shadow pool first...
    await withAdminClient(target.config, (client) =>
      client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)}`),
    );
  };
  return adapter;
}

/**
 * Runs `fn` on a connection to the target's own database (falling back to the `postgres`
 * maintenance database when it does not exist yet).
 * @param {pg.ClientConfig} config
 * @param {(client: pg.Client) => Promise<unknown>} fn
 * @param {string[]} [databases]
 */
async function withAdminClient(
  config,
  fn,
  databases = [/** @type {string} */ (config.database), "postgres", "template1"],
) {
  let lastError;
  for (const database of databases) {
    const client = new pg.Client({ ...config, database });
    try {
      await client.connect();
    } catch (error) {
      lastError = error;
      if (/** @type {any} */ (error)?.code === "3D000") continue; // that database does not exist
      throw error;
    }
    try {
      return await fn(client);
    } finally {
      await client.end().catch(() => {});
    }
  }
  throw lastError;
}

/** @param {string} file */
export function removeSqliteFiles(file) {
  for (const suffix of ["", "-journal", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
}

/**
 * Maps a node-postgres connection error to the Prisma error the native engine would report.
 * @param {any} error
 * @param {PostgresTarget} target
 */
function postgresConnectionError(error, target) {
  const where = `${target.host}:${target.port}`;
  switch (error?.code) {
    case "3D000":
      return new EngineError(
        "P1003",
        `Database \`${target.database}\` does not exist on the database server at \`${where}\`.`,
      );
    case "28P01":
    case "28000":
      return new EngineError(
        "P1000",
        `Authentication failed against database server at \`${target.host}\`, ` +
          `the provided database credentials for \`${target.config.user ?? ""}\` are not valid.`,
      );
    case "ECONNREFUSED":
    case "ENOTFOUND":
    case "EHOSTUNREACH":
    case "ETIMEDOUT":
      return new EngineError(
        "P1001",
        `Can't reach database server at \`${where}\`\n\n` +
          `Please make sure your database server is running at \`${where}\`.`,
      );
    default:
      return error instanceof Error ? error : new Error(String(error));
  }
}

/** `cli can-connect-to-database`. @param {Target} target */
export async function canConnect(target) {
  if (target.provider === "sqlite") {
    if (!fs.existsSync(target.file)) {
      throw new EngineError(
        "P1003",
        `Database \`${path.basename(target.file)}\` does not exist at \`${target.file}\`.`,
      );
    }
    new Database(target.file, { fileMustExist: true }).close();
    return;
  }
  const client = new pg.Client(target.config);
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (error) {
    throw postgresConnectionError(error, target);
  } finally {
    await client.end().catch(() => {});
  }
}

/** `cli create-database` and the createDatabase RPC. @param {Target} target @returns {Promise<string>} the database name */
export async function createDatabase(target) {
  if (target.provider === "sqlite") {
    fs.mkdirSync(path.dirname(target.file), { recursive: true });
    new Database(target.file).close();
    return path.basename(target.file);
  }
  try {
    await withAdminClient(
      target.config,
      async (client) => {
        try {
          await client.query(`CREATE DATABASE ${quoteIdent(target.database)}`);
        } catch (error) {
          if (/** @type {any} */ (error)?.code !== "42P04") throw error; // 42P04: already exists
        }
      },
      ["postgres", "template1"],
    );
  } catch (error) {
    throw postgresConnectionError(error, target);
  }
  return target.database;
}

/**
 * Creates Prisma's migrations table exactly as the native engine does (same DDL), for databases
 * that do not have one yet.
 * @param {Target} target
 */
export async function createMigrationsTable(target) {
  const { factory, close } = createAdapterFactory(target, undefined);
  try {
    const adapter = await factory.connect();
    await adapter.executeScript(
      target.provider === "sqlite"
        ? SQLITE_MIGRATIONS_TABLE
        : POSTGRES_MIGRATIONS_TABLE(quoteIdent(target.schema ?? "public")),
    );
  } finally {
    await close();
  }
}

const SQLITE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

const POSTGRES_MIGRATIONS_TABLE = (
  /** @type {string} */ schema,
) => `CREATE TABLE IF NOT EXISTS ${schema}."_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;
