import { readFileSync } from "node:fs";
import path from "node:path";

/**
 * The shipped list of very common passwords (NIST 800-63B asks to refuse passwords found in
 * breach corpora). Read once from app/lib/auth/common-passwords.txt, relative to the project
 * root (the working directory of the server, the scripts and the tests).
 */
let common: Set<string> | undefined;

function load(): Set<string> {
  const file = path.join(process.cwd(), "app", "lib", "auth", "common-passwords.txt");
  const lines = readFileSync(file, "utf8").split("\n");
  return new Set(
    lines.map((line) => line.trim().toLowerCase()).filter((line) => line && !line.startsWith("#")),
  );
}

export function isCommonPassword(password: string): boolean {
  common ??= load();
  return common.has(password.trim().toLowerCase());
}
