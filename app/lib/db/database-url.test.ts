import { describe, expect, it } from "vitest";
import { DEFAULT_SQLITE_FILE, postgresConnection, redact, resolveDatabaseUrl } from "./database-url";

const root = "/srv/app";

describe("resolveDatabaseUrl", () => {
  it("defaults to the SQLite file under prisma/data, as an absolute file: URL", () => {
    expect(resolveDatabaseUrl({}, root)).toEqual({
      provider: "sqlite",
      url: `file:${root}/${DEFAULT_SQLITE_FILE}`,
      file: `${root}/${DEFAULT_SQLITE_FILE}`,
    });
    expect(resolveDatabaseUrl({ DATABASE_URL: "  " }, root).url).toBe(`file:${root}/prisma/data/app.db`);
  });

  it("takes relative SQLite paths from the project root and drops query parameters", () => {
    expect(
      resolveDatabaseUrl({ DATABASE_URL: "file:./prisma/data/e2e.db?connection_limit=1" }, root),
    ).toMatchObject({
      provider: "sqlite",
      file: "/srv/app/prisma/data/e2e.db",
    });
    expect(resolveDatabaseUrl({ DATABASE_URL: "file:/tmp/x.db" }, root)).toMatchObject({ file: "/tmp/x.db" });
    expect(resolveDatabaseUrl({ DATABASE_URL: "file:///tmp/with%20space.db" }, root)).toMatchObject({
      file: "/tmp/with space.db",
    });
  });

  it("passes PostgreSQL URLs through and rejects other schemes without echoing the password", () => {
    const url = "postgresql://app:secret@db.internal:5432/guide?schema=study";
    expect(resolveDatabaseUrl({ DATABASE_URL: url }, root)).toEqual({ provider: "postgresql", url });
    expect(resolveDatabaseUrl({ DATABASE_URL: "postgres://u@h/d" }, root).provider).toBe("postgresql");
    expect(() => resolveDatabaseUrl({ DATABASE_URL: "mysql://u:secret@h/d" }, root)).toThrow(
      /file:.*postgres/,
    );
    expect(() => resolveDatabaseUrl({ DATABASE_URL: "mysql://u:secret@h/d" }, root)).not.toThrow(/secret/);
  });
});

describe("postgresConnection", () => {
  it("moves Prisma's schema and connection_limit parameters out of the node-postgres URL", () => {
    const parsed = postgresConnection(
      "postgresql://app:p%40ss@127.0.0.1:5432/guide?schema=study&connection_limit=5&sslmode=require",
    );
    expect(parsed.schema).toBe("study");
    expect(parsed.max).toBe(5);
    expect(parsed.connectionString).toBe("postgresql://app:p%40ss@127.0.0.1:5432/guide?sslmode=require");
    expect(postgresConnection("postgres://h/d")).toEqual({
      connectionString: "postgres://h/d",
      schema: undefined,
      max: undefined,
    });
  });
});

describe("redact", () => {
  it("hides the password only", () => {
    expect(redact("postgresql://app:secret@h:5432/d")).toBe("postgresql://app:***@h:5432/d");
    expect(redact("file:/tmp/x.db")).toBe("file:/tmp/x.db");
  });
});
