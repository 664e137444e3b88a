import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { derivePostgresSchema, POSTGRES_SCHEMA, SQLITE_SCHEMA } from "./derive-postgres-schema";

describe("derive-postgres-schema", () => {
  it("the committed prisma/postgres/schema.prisma matches prisma/schema.prisma", () => {
    expect(
      readFileSync(POSTGRES_SCHEMA, "utf8"),
      "prisma/postgres/schema.prisma is out of date: run `npm run db:generate`",
    ).toBe(derivePostgresSchema(readFileSync(SQLITE_SCHEMA, "utf8")));
  });

  it("changes only the provider and the client output; models stay as written", () => {
    const source = readFileSync(SQLITE_SCHEMA, "utf8");
    const derived = derivePostgresSchema(source);
    expect(derived).toContain('provider = "postgresql"');
    expect(derived).toContain('output   = "../../app/generated/prisma/postgres"');
    const body = (schema: string) => schema.slice(schema.search(/^(enum|model) /m));
    expect(body(derived)).toBe(body(source));
  });

  it("refuses a schema it cannot translate rather than writing a wrong one", () => {
    const source = readFileSync(SQLITE_SCHEMA, "utf8");
    expect(() => derivePostgresSchema(source.replace('provider = "sqlite"', 'provider = "mysql"'))).toThrow(
      /provider = "sqlite"/,
    );
    expect(() =>
      derivePostgresSchema(source.replace("../app/generated/prisma/sqlite", "../elsewhere")),
    ).toThrow(/output/);
    expect(() => derivePostgresSchema(`${source}\nmodel X {\n  id String @id @db.Text\n}\n`)).toThrow(
      /@db\.Text/,
    );
  });
});
