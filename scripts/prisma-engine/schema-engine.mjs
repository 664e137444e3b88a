#!/usr/bin/env node
// @ts-check
// Stand-in for Prisma's native `schema-engine` binary, which the CLI cannot download offline.
// The Prisma CLI finds it through PRISMA_SCHEMA_ENGINE_BINARY (set by scripts/prisma.mjs) and
// drives it exactly like the native engine:
//   schema-engine --version
//   schema-engine --datasource '{"url":…}' cli can-connect-to-database | create-database
//   schema-engine --datamodels schema.prisma… --datasource '{"url":…,"shadowDatabaseUrl":…}'
//     → JSON-RPC 2.0, one JSON object per line on stdin/stdout; logs and errors on stderr.
// The work is done by @prisma/schema-engine-wasm (the same engine compiled to WASM) over the
// better-sqlite3 or pg driver adapter. See scripts/prisma-engine/README.md for the pitfalls.
import fs from "node:fs";
import readline from "node:readline";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import {
  canConnect,
  createAdapterFactory,
  createDatabase,
  createMigrationsTable,
  parseDatasourceUrl,
  removeSqliteFiles,
} from "./datasource.mjs";
import { loadSchemaEngineWasm, panics } from "./wasm.mjs";

const ENGINE_HASH = "59be4fda12412a79eeb9c2ae727b6aa723593323";

// stdout belongs to the protocol: anything a library prints goes to stderr.
const stdoutWrite = process.stdout.write.bind(process.stdout);
console.log =
  console.info =
  console.warn =
  console.debug =
    (...args) => logLine("WARN", args.map(String).join(" "));
process.removeAllListeners("warning");
process.on("warning", (warning) => logLine("WARN", warning.message));

/** Writes a log line in the native engine's JSON format (the CLI parses every stderr line). */
function logLine(
  /** @type {string} */ level,
  /** @type {string} */ message,
  /** @type {Record<string, unknown>} */ extra = {},
) {
  process.stderr.write(
    JSON.stringify({
      timestamp: new Date().toISOString(),
      level,
      target: "schema_engine::logger",
      fields: { message, ...extra },
    }) + "\n",
  );
}

/** @param {string[]} argv */
function parseArgs(argv) {
  /** @type {{ datamodels: string[], datasource?: { url?: string, shadowDatabaseUrl?: string }, cli?: string, version: boolean }} */
  const args = { datamodels: [], version: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--version" || arg === "-V") args.version = true;
    else if (arg === "--datamodels") {
      while (i + 1 < argv.length && !argv[i + 1].startsWith("--") && argv[i + 1] !== "cli")
        args.datamodels.push(argv[++i]);
    } else if (arg === "--datasource") args.datasource = JSON.parse(argv[++i]);
    else if (arg === "--enabled-preview-features" || arg === "--extension-types")
      i++; // nothing to enable in the WASM build
    else if (arg === "cli") args.cli = argv[++i];
  }
  return args;
}

/** Converts anything thrown by the engine or a driver into the native engine's JSON-RPC error. @param {any} error */
function toRpcError(error) {
  const isPanic = error instanceof WebAssembly.RuntimeError;
  const code = typeof error?.code === "string" && /^P\d{4}$/.test(error.code) ? error.code : undefined;
  const message =
    isPanic && panics.last
      ? panics.last
      : error instanceof Error
        ? error.message
        : typeof error === "string"
          ? error
          : JSON.stringify(error);
  return {
    code: 4466,
    // For panics the CLI shows this message in its panic report.
    message: isPanic ? message : "An error happened. Check the data field for details.",
    data: {
      is_panic: isPanic,
      message,
      meta: error?.meta ?? {},
      ...(code ? { error_code: code } : { backtrace: error?.stack ?? null }),
    },
  };
}

// ---------------------------------------------------------------------------------------------
// One-shot commands: exit 0 on success; on failure an ERROR line on stderr and exit 1. The CLI
// skips the first stderr line, so an INFO line always comes first.

/** @param {string} command @param {{ url?: string } | undefined} datasource */
async function runCli(command, datasource) {
  logLine("INFO", `Starting schema engine CLI (WASM stand-in ${ENGINE_HASH})`);
  try {
    if (!datasource?.url) throw Object.assign(new Error("No datasource URL was given."), { code: "P1012" });
    const target = parseDatasourceUrl(datasource.url);
    if (command === "can-connect-to-database") await canConnect(target);
    else if (command === "create-database") {
      const name = await createDatabase(target);
      stdoutWrite(`Database '${name}' was successfully created.\n`);
    } else throw new Error(`Unknown CLI command: ${command}`);
    return 0;
  } catch (error) {
    const { data } = toRpcError(error);
    logLine("ERROR", data.message, data.error_code ? { error_code: data.error_code } : {});
    return 1;
  }
}

// ---------------------------------------------------------------------------------------------
// JSON-RPC server.

/**
 * Owns the WASM SchemaEngine and its connections. The engine is replaced after any error, so a
 * failed command cannot leave state behind (an open transaction, SQLite's exclusive lock).
 */
class EngineHost {
  /** @param {{ datamodels: [string, string][], url?: string, shadowDatabaseUrl?: string }} options */
  constructor(options) {
    this.options = options;
    this.target = options.url ? parseDatasourceUrl(options.url) : undefined;
    /** @type {any} */ this.engine = undefined;
    /** @type {ReturnType<typeof createAdapterFactory> | undefined} */ this.connections = undefined;
  }

  async get() {
    if (this.engine) return this.engine;
    const { SchemaEngine } = await loadSchemaEngineWasm();
    const target = this.target ?? inMemoryTarget(this.options.datamodels);
    this.connections = createAdapterFactory(target, this.options.shadowDatabaseUrl);
    this.engine = await SchemaEngine.new(
      { datamodels: this.options.datamodels.length ? this.options.datamodels : undefined },
      (/** @type {string} */ line) => process.stderr.write(line.trimEnd() + "\n"),
      bindMigrationAwareSqlAdapterFactory(/** @type {any} */ (this.connections.factory)),
    );
    return this.engine;
  }

  /** Drops the engine and closes every connection it opened (releases SQLite locks, ends pg pools). */
  async discard() {
    const engine = this.engine;
    this.engine = undefined;
    try {
      engine?.free();
    } catch {
      // a panicked instance may refuse; its connections are closed below anyway
    }
    await this.connections?.close();
    this.connections = undefined;
  }
}

/**
 * Without a datasource (e.g. `migrate diff --from-empty --to-schema`) a SQLite schema can still
 * be diffed against an in-memory database.
 * @param {[string, string][]} datamodels
 */
function inMemoryTarget(datamodels) {
  if (datamodels.some(([, content]) => /provider\s*=\s*"sqlite"/.test(content))) {
    return /** @type {const} */ ({ provider: "sqlite", url: "file::memory:", file: ":memory:" });
  }
  throw Object.assign(
    new Error("This command needs a datasource URL (set `datasource.url` in the Prisma config)."),
    { code: "P1012" },
  );
}

/** @param {unknown} error */
const isCode = (error, /** @type {string} */ code) => /** @type {any} */ (error)?.code === code;

class Server {
  /** @param {EngineHost} host */
  constructor(host) {
    this.host = host;
    this.nextPrintId = 1;
    /** @type {Map<number | string, (value: unknown) => void>} */
    this.pendingPrints = new Map();
    /** @type {Promise<unknown>} */
    this.queue = Promise.resolve();
    /** @type {number | string | undefined} the id of the request being handled */
    this.current = undefined;
  }

  /** @param {string} line */
  onLine(line) {
    if (!line.trim()) return;
    let message;
    try {
      message = JSON.parse(line);
    } catch {
      this.send({ jsonrpc: "2.0", id: null, error: { code: -32700, message: "Parse error" } });
      return;
    }
    if (message.method === undefined) {
      // A reply to one of our `print` requests.
      this.pendingPrints.get(message.id)?.(message.result);
      this.pendingPrints.delete(message.id);
      return;
    }
    // One request at a time, in order, like the native engine's single connector.
    this.queue = this.queue.then(() => this.handle(message));
  }

  /** @param {{ id: number | string, method: string, params?: any }} request */
  async handle({ id, method, params }) {
    this.current = id;
    try {
      const result = await this.dispatch(method, params ?? {});
      this.send({ jsonrpc: "2.0", id, result: result ?? {} });
    } catch (error) {
      const rpcError = toRpcError(error);
      this.send({ jsonrpc: "2.0", id, error: rpcError });
      if (rpcError.data.is_panic) process.exit(101);
      await this.host.discard();
    } finally {
      this.current = undefined;
    }
  }

  /**
   * A Rust panic inside a WASM callback surfaces as an uncaught RuntimeError, not as a rejected
   * promise. Answer the request in flight with a panic error (the CLI shows its panic report)
   * and exit with the native engine's panic code.
   * @param {unknown} error
   */
  crash(error) {
    const rpcError = toRpcError(error);
    rpcError.data.is_panic = true;
    rpcError.message = rpcError.data.message;
    if (this.current !== undefined) this.send({ jsonrpc: "2.0", id: this.current, error: rpcError });
    logLine("ERROR", rpcError.data.message);
    process.exit(101);
  }

  /** @param {object} message */
  send(message) {
    stdoutWrite(JSON.stringify(message) + "\n");
  }

  /** Asks the CLI to print to its stdout (how `migrate diff` output reaches the user). @param {string} content */
  print(content) {
    const id = `print-${this.nextPrintId++}`;
    return new Promise((resolve) => {
      this.pendingPrints.set(id, resolve);
      this.send({ jsonrpc: "2.0", id, method: "print", params: { content } });
    });
  }

  /** @param {string} method @param {any} params */
  async dispatch(method, params) {
    const host = this.host;
    switch (method) {
      case "version":
      case "getDatabaseVersion":
        return (await host.get()).version(params);
      case "createDatabase": {
        const url = params.datasource?.tag === "ConnectionString" ? params.datasource.url : host.options.url;
        if (!url) throw new Error("createDatabase needs a datasource URL.");
        return { databaseName: await createDatabase(parseDatasourceUrl(url)) };
      }
      case "diff": {
        const { exitCode, stdout } = await (await host.get()).diff(params);
        if (stdout !== null && stdout !== undefined) await this.print(stdout);
        return { exitCode, stdout: null };
      }
      case "reset":
        return this.reset(params);
      case "devDiagnostic":
        return this.withMigrationsTable((engine) => engine.devDiagnostic(params));
      case "markMigrationApplied":
        return this.withMigrationsTable((engine) => engine.markMigrationApplied(params));
      case "diagnoseMigrationHistory":
        try {
          return await (await host.get()).diagnoseMigrationHistory(params);
        } catch (error) {
          if (!isCode(error, "P1014")) throw error;
          // No migrations table yet: nothing applied, as the native engine reports it.
          await host.discard();
          const names = params.migrationsList.migrationDirectories.map(
            (/** @type {{ path: string }} */ d) => d.path,
          );
          return {
            editedMigrationNames: [],
            failedMigrationNames: [],
            hasMigrationsTable: false,
            history: names.length ? { diagnostic: "databaseIsBehind", unappliedMigrationNames: names } : null,
          };
        }
      case "evaluateDataLoss":
      case "createMigration": {
        const engine = await this.withShadowSchema(params);
        return engine[method](params);
      }
      case "applyMigrations":
      case "dbExecute":
      case "debugPanic":
      case "ensureConnectionValidity":
      case "introspect":
      case "introspectSql":
      case "markMigrationRolledBack":
      case "schemaPush": {
        const engine = await host.get();
        return engine[method](params);
      }
      default:
        throw Object.assign(new Error(`Method not supported by the WASM schema engine: ${method}`), {
          code: undefined,
        });
    }
  }

  /**
   * The native engine treats a missing `_prisma_migrations` table as "nothing applied" and
   * creates it when needed; the WASM engine fails with P1014. Create the table with the native
   * engine's DDL, then retry. (applyMigrations with no migrations would create it too, but
   * refuses a non-empty database, which is exactly the case `migrate resolve --applied`,
   * i.e. baselining, is for.)
   * @param {(engine: any) => Promise<any>} run
   */
  async withMigrationsTable(run) {
    try {
      return await run(await this.host.get());
    } catch (error) {
      if (!isCode(error, "P1014")) throw error;
    }
    await this.host.discard();
    await createMigrationsTable(this.host.target ?? inMemoryTarget(this.host.options.datamodels));
    return run(await this.host.get());
  }

  /**
   * The WASM engine's evaluateDataLoss and createMigration never open the shadow database
   * themselves; they reuse the schema that the last devDiagnostic / diagnoseMigrationHistory
   * replayed there, and otherwise fail with "… shadow DB must be provided through an external
   * factory". In `migrate dev` on a database that is behind, the CLI applies the pending
   * migrations between devDiagnostic and evaluateDataLoss, which drops that schema. So replay
   * the history once more (devDiagnostic is read-only) right before.
   * @param {{ migrationsList: any, filters: any }} params
   */
  async withShadowSchema(params) {
    try {
      await (
        await this.host.get()
      ).devDiagnostic({ migrationsList: params.migrationsList, filters: params.filters });
    } catch {
      // The real command reports whatever is wrong.
      await this.host.discard();
    }
    return this.host.get();
  }

  /**
   * The WASM reset leaves SQLite's internal `sqlite_sequence` table behind, after which the
   * engine refuses to migrate ("P3005 The database schema is not empty"). The native engine
   * deletes the file; so do we. PostgreSQL uses the engine's own reset.
   * @param {any} params
   */
  async reset(params) {
    const target = this.host.target;
    if (target?.provider === "sqlite") {
      await this.host.discard();
      removeSqliteFiles(target.file);
      await createDatabase(target);
      return {};
    }
    await (await this.host.get()).reset(params);
    return {};
  }
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.version) {
    stdoutWrite(`schema-engine-cli ${ENGINE_HASH}\n`);
    return 0;
  }
  if (args.cli) return runCli(args.cli, args.datasource);

  const datamodels = /** @type {[string, string][]} */ (
    args.datamodels.map((file) => [file, fs.readFileSync(file, "utf8")])
  );
  const host = new EngineHost({
    datamodels,
    url: args.datasource?.url,
    shadowDatabaseUrl: args.datasource?.shadowDatabaseUrl,
  });
  const server = new Server(host);
  process.on("uncaughtException", (error) => server.crash(error));
  const input = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  input.on("line", (line) => server.onLine(line));
  await new Promise((resolve) => input.once("close", resolve));
  await server.queue;
  // The CLI kills us right after closing stdin; close connections (ends pg pools) quickly.
  await Promise.race([host.discard(), new Promise((resolve) => setTimeout(resolve, 2000))]);
  return 0;
}

process.on("SIGTERM", () => process.exit(0));
main().then(
  (code) => process.exit(code),
  (error) => {
    logLine("ERROR", error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
