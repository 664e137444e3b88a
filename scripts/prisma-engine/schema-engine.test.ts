/**
 * The stand-in's side of the contract with the Prisma CLI, checked without the CLI: the
 * one-shot `cli` commands and their stderr error lines, and the JSON-RPC conversation,
 * including the engine-to-CLI `print` request and the fresh-database (P1014) workaround.
 */
import { type ChildProcessWithoutNullStreams, execFile, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import readline from "node:readline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const engine = path.join(root, "scripts/prisma-engine/schema-engine.mjs");
const schemaFile = path.join(root, "prisma/schema.prisma");
const migrationsDir = path.join(root, "prisma/migrations");

function runCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(engine, args, { cwd: root }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

/** The migrations folder as the CLI sends it. */
function migrationsList() {
  const migrationDirectories = readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => ({
      path: name,
      migrationFile: {
        path: "migration.sql",
        content: { tag: "ok", value: readFileSync(path.join(migrationsDir, name, "migration.sql"), "utf8") },
      },
    }));
  return {
    baseDir: migrationsDir,
    lockfile: {
      path: "migration_lock.toml",
      content: readFileSync(path.join(migrationsDir, "migration_lock.toml"), "utf8"),
    },
    shadowDbInitScript: "",
    migrationDirectories,
  };
}

const filters = { externalTables: [], externalEnums: [] };

type Message = {
  id?: number | string;
  method?: string;
  params?: { content?: string };
  result?: unknown;
  error?: { message?: string; data?: { message?: string; error_code?: string; is_panic?: boolean } };
};

/** A JSON-RPC session with the engine, answering its `print` requests like the CLI does. */
class Session {
  private child: ChildProcessWithoutNullStreams;
  private nextId = 1;
  private waiting = new Map<number | string, (message: Message) => void>();
  readonly printed: string[] = [];

  constructor(url: string) {
    this.child = spawn(engine, ["--datamodels", schemaFile, "--datasource", JSON.stringify({ url })], {
      cwd: root,
    });
    readline.createInterface({ input: this.child.stdout }).on("line", (line) => {
      const message = JSON.parse(line) as Message;
      if (message.method === "print") {
        this.printed.push(message.params?.content ?? "");
        this.child.stdin.write(JSON.stringify({ id: message.id, jsonrpc: "2.0", result: {} }) + "\n");
      } else if (message.id !== undefined) {
        this.waiting.get(message.id)?.(message);
      }
    });
  }

  request(method: string, params: unknown): Promise<Message> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.child.stdin.write(JSON.stringify({ id, jsonrpc: "2.0", method, params }) + "\n");
    });
  }

  close(): Promise<number | null> {
    return new Promise((resolve) => {
      this.child.once("exit", (code) => resolve(code));
      this.child.stdin.end();
    });
  }
}

describe("schema-engine stand-in", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), "schema-engine-test-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("reports the engine version like the native binary", async () => {
    const { code, stdout } = await runCli(["--version"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^schema-engine-cli [0-9a-f]{40}\n$/);
  });

  it("cli can-connect-to-database: P1003 for a missing SQLite file, as a JSON line after the first", async () => {
    const url = `file:${path.join(dir, "missing", "app.db")}`;
    const { code, stderr } = await runCli([
      "--datasource",
      JSON.stringify({ url }),
      "cli",
      "can-connect-to-database",
    ]);
    expect(code).toBe(1);
    // The CLI ignores the first stderr line and parses every other one as JSON.
    const lines = stderr
      .trim()
      .split("\n")
      .slice(1)
      .map(
        (line) => JSON.parse(line) as { level?: string; target?: string; fields?: { error_code?: string } },
      );
    const logged = lines.find((line) => line.level === "ERROR" && line.target === "schema_engine::logger");
    expect(logged?.fields?.error_code).toBe("P1003");
  });

  it("cli create-database creates the file and its directory; then it can connect", async () => {
    const file = path.join(dir, "created", "app.db");
    const datasource = JSON.stringify({ url: `file:${file}` });
    expect((await runCli(["--datasource", datasource, "cli", "create-database"])).code).toBe(0);
    expect(existsSync(file)).toBe(true);
    expect((await runCli(["--datasource", datasource, "cli", "can-connect-to-database"])).code).toBe(0);
  });

  it("JSON-RPC: diff output reaches the CLI through a print request", async () => {
    const session = new Session(`file:${path.join(dir, "diff.db")}`);
    const response = await session.request("diff", {
      from: { tag: "empty" },
      to: {
        tag: "schemaDatamodel",
        files: [{ path: schemaFile, content: readFileSync(schemaFile, "utf8") }],
      },
      script: true,
      exitCode: true,
      filters,
    });
    expect(response.error).toBeUndefined();
    expect(response.result).toEqual({ exitCode: 2, stdout: null });
    expect(session.printed.join("")).toContain('CREATE TABLE "User"');
    expect(await session.close()).toBe(0);
  });

  it("JSON-RPC: a fresh database gets the migration flow of `migrate dev`, not P1014", async () => {
    const session = new Session(`file:${path.join(dir, "fresh.db")}`);
    const list = migrationsList();
    const diagnostic = await session.request("devDiagnostic", { migrationsList: list, filters });
    expect(diagnostic.error).toBeUndefined();
    expect(diagnostic.result).toEqual({ action: { tag: "createMigration" } });
    const applied = await session.request("applyMigrations", { migrationsList: list, filters });
    expect(applied.result).toEqual({ appliedMigrationNames: list.migrationDirectories.map((d) => d.path) });
    // Replays the multi-statement migrations on the in-memory shadow database.
    const loss = await session.request("evaluateDataLoss", {
      migrationsList: list,
      schema: { files: [{ path: schemaFile, content: readFileSync(schemaFile, "utf8") }] },
      filters,
    });
    expect(loss.error).toBeUndefined();
    expect(loss.result).toMatchObject({ migrationSteps: 0 });
    expect(await session.close()).toBe(0);
  });

  it("JSON-RPC: errors carry the Prisma error code the CLI expects", async () => {
    const session = new Session(`file:${path.join(dir, "broken.db")}`);
    const list = migrationsList();
    const broken = {
      ...list,
      migrationDirectories: [
        {
          path: "20000101000000_broken",
          migrationFile: { path: "migration.sql", content: { tag: "ok", value: "SELECT * FROM nowhere;" } },
        },
      ],
    };
    const response = await session.request("applyMigrations", { migrationsList: broken, filters });
    expect(response.result).toBeUndefined();
    expect(response.error?.data?.is_panic).toBe(false);
    expect(response.error?.data?.error_code).toMatch(/^P\d{4}$/);
    expect(response.error?.data?.message).toContain("nowhere");
    expect(await session.close()).toBe(0);
  });
});
