/**
 * `npm run user:create` — creates an account with any role (sign-up only creates learners).
 *
 *   npm run user:create -- --email ann@example.org --name "Ann" --role teacher [--password …] [--timezone Europe/Paris]
 *
 * Without --password it prompts (hidden input) when run in a terminal, and generates a strong
 * password when the prompt is left empty or there is no terminal; a generated password is
 * printed once. Input is validated with the same zod schemas as the sign-up form.
 */
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { z } from "zod";
import { userCreateSchema, type UserCreateInput } from "../app/lib/auth/schemas";
import { generatePassword, hashPassword } from "../app/lib/auth/password";

const USAGE = `Usage: npm run user:create -- --email EMAIL --name NAME [--role learner|teacher|admin] [--password PASSWORD] [--timezone IANA_ZONE]`;

export function parseCliArgs(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      email: { type: "string" },
      name: { type: "string" },
      role: { type: "string" },
      password: { type: "string" },
      timezone: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
    allowPositionals: false,
  });
  return values;
}

/** Reads a line without echoing it. */
function promptHidden(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    const mutable = rl as unknown as { _writeToOutput: (s: string) => void; output: NodeJS.WriteStream };
    let prompted = false;
    mutable._writeToOutput = (s: string) => {
      if (!prompted) {
        process.stdout.write(s);
        prompted = true;
      }
    };
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write("\n");
      resolve(answer);
    });
  });
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

async function main() {
  let args: ReturnType<typeof parseCliArgs>;
  try {
    args = parseCliArgs(process.argv.slice(2));
  } catch (error) {
    fail(`${(error as Error).message}\n${USAGE}`);
  }
  if (args.help) {
    console.log(USAGE);
    return;
  }

  let password = args.password;
  let generated = false;
  if (password === undefined && process.stdin.isTTY) {
    password = (await promptHidden("Password (leave empty to generate one): ")) || undefined;
  }
  if (password === undefined) {
    password = generatePassword();
    generated = true;
  }

  const parsed = userCreateSchema.safeParse({ ...args, password, help: undefined });
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  --${issue.path.join(".")}: ${issue.message}`);
    fail(`Invalid input:\n${lines.join("\n")}\n${USAGE}`);
  }
  const input: UserCreateInput = parsed.data;

  // Imported late so that --help and input errors do not need a database. The data layer is
  // marked "server-only"; the npm script runs under Node's react-server condition, which makes
  // that marker a no-op, so the CLI creates users through the same function as sign-up.
  const { createUser } = await import("../app/lib/db/users");
  const { prisma } = await import("../app/lib/db/client");
  try {
    const result = await createUser({
      email: input.email,
      name: input.name,
      role: input.role,
      timezone: input.timezone,
      passwordHash: await hashPassword(input.password!),
    });
    if (!result.ok) fail(`A user with the email ${input.email} already exists.`);
    const { user } = result;
    console.log(`Created ${user.role} ${user.name} <${user.email}> (id ${user.id}).`);
    if (generated) console.log(`Password (shown once, store it safely): ${input.password}`);
  } finally {
    await prisma.$disconnect();
  }
}

const invokedDirectly = process.argv[1] && /user-create\.ts$/.test(process.argv[1]);
if (invokedDirectly) {
  main().catch((error) => {
    console.error(error instanceof z.ZodError ? error.message : error);
    process.exit(1);
  });
}
