import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseEnv } from "@/app/lib/env";
import { ensureEnvFile, hasValue } from "@/scripts/ensure-env";

describe("parseEnv", () => {
  it("allows a missing secret outside production and during the production build", () => {
    expect(parseEnv({ NODE_ENV: "development" }).NEXTAUTH_SECRET).toBeUndefined();
    expect(() => parseEnv({ NODE_ENV: "production", NEXT_PHASE: "phase-production-build" })).not.toThrow();
  });

  it("requires NEXTAUTH_SECRET in production and says what to run", () => {
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(/NEXTAUTH_SECRET.*npm run env:ensure/s);
    expect(() => parseEnv({ NODE_ENV: "production", NEXTAUTH_SECRET: "short" })).toThrow(
      /at least 32 characters/,
    );
    expect(
      parseEnv({ NODE_ENV: "production", NEXTAUTH_SECRET: "s".repeat(32) }).NEXTAUTH_SECRET,
    ).toHaveLength(32);
  });

  it("treats empty strings as unset, checks URLs and OAuth pairs", () => {
    expect(parseEnv({ DATABASE_URL: "", GITHUB_ID: "" }).DATABASE_URL).toBeUndefined();
    expect(() => parseEnv({ NEXTAUTH_URL: "localhost" })).toThrow(/NEXTAUTH_URL/);
    expect(() => parseEnv({ GITHUB_ID: "id" })).toThrow(/GITHUB_SECRET/);
    expect(() => parseEnv({ GOOGLE_CLIENT_SECRET: "s" })).toThrow(/GOOGLE_CLIENT_ID/);
  });
});

describe("ensure-env", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "ensure-env-"));

  it("creates .env.local with a random secret, readable only by the owner, and is idempotent", () => {
    const file = path.join(dir, ".env.local");
    const first = ensureEnvFile(file);
    expect(first).toMatchObject({ created: true, added: ["NEXTAUTH_SECRET", "NEXTAUTH_URL"] });
    const content = readFileSync(file, "utf8");
    expect(content).toMatch(/^NEXTAUTH_SECRET=[A-Za-z0-9_-]{43}$/m);
    expect(content).toMatch(/^NEXTAUTH_URL=http:\/\/localhost:3000$/m);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(ensureEnvFile(file)).toMatchObject({ created: false, added: [] });
    expect(readFileSync(file, "utf8")).toBe(content);
  });

  it("keeps existing values, fills empty ones, and never writes what the environment provides", () => {
    const file = path.join(dir, "partial");
    writeFileSync(file, "DATABASE_URL=file:x.db\nNEXTAUTH_SECRET=\nNEXTAUTH_URL=https://guide.example\n");
    expect(ensureEnvFile(file).added).toEqual(["NEXTAUTH_SECRET"]);
    const content = readFileSync(file, "utf8");
    expect(content.match(/NEXTAUTH_SECRET=/g)).toHaveLength(1);
    expect(content).toContain("NEXTAUTH_URL=https://guide.example");
    expect(content).toContain("DATABASE_URL=file:x.db");

    const other = path.join(dir, "from-env");
    const result = ensureEnvFile(other, { NEXTAUTH_SECRET: "x".repeat(40) });
    expect(result.added).toEqual(["NEXTAUTH_URL"]);
    expect(readFileSync(other, "utf8")).not.toContain("NEXTAUTH_SECRET");
  });

  it("hasValue understands export, quotes and comments", () => {
    expect(hasValue('export NEXTAUTH_SECRET="abc"', "NEXTAUTH_SECRET")).toBe(true);
    expect(hasValue("NEXTAUTH_SECRET='' # none", "NEXTAUTH_SECRET")).toBe(false);
    expect(hasValue("# NEXTAUTH_SECRET=abc", "NEXTAUTH_SECRET")).toBe(false);
  });
});
