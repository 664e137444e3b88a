/**
 * `npm run user:password` — an administrator sets a temporary password for an account (there is
 * no e-mail reset). Every session of that user ends, and at the next sign-in they must choose
 * their own password before anything else.
 *
 *   npm run user:password -- --email ann@example.org [--password …]
 *
 * Without --password a strong one is generated and printed once.
 */
import { parseArgs } from "node:util";
import { z } from "zod";
import { emailSchema, newPasswordSchema } from "../app/lib/auth/schemas";
import { generatePassword } from "../app/lib/auth/password";

const USAGE = "Usage: npm run user:password -- --email EMAIL [--password TEMPORARY_PASSWORD]";

const inputSchema = z.object({ email: emailSchema, password: newPasswordSchema });

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

async function main() {
  let values: { email?: string; password?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: process.argv.slice(2),
      options: {
        email: { type: "string" },
        password: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
    }));
  } catch (error) {
    fail(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
  if (values.help) return console.log(USAGE);
  const generated = values.password === undefined;
  const parsed = inputSchema.safeParse({
    email: values.email,
    password: values.password ?? generatePassword(),
  });
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  --${issue.path.join(".")}: ${issue.message}`);
    fail(`Invalid input:\n${lines.join("\n")}\n${USAGE}`);
  }
  // Imported late so that --help and input errors need no database (see user-create.ts).
  const { setTemporaryPassword } = await import("../app/lib/auth/account-security");
  const { prisma } = await import("../app/lib/db/client");
  try {
    if (!(await setTemporaryPassword(parsed.data.email, parsed.data.password)))
      fail(`No account has the email ${parsed.data.email}.`);
    console.log(`Temporary password set for ${parsed.data.email}; their sessions have ended.`);
    if (generated) console.log(`Temporary password (shown once): ${parsed.data.password}`);
    console.log("They must choose a new password at their next sign-in.");
  } finally {
    await prisma.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
