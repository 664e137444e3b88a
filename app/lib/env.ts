import { z } from "zod";

/**
 * Environment variables, validated once when this module is first imported (the auth options
 * import it, so the server checks them on the first request that touches auth; an
 * `instrumentation.ts` that imports it would check them at boot).
 *
 * Not marked "server-only" so that scripts can use it; it exposes nothing the browser does not
 * already lack (Next only inlines NEXT_PUBLIC_* variables into client bundles).
 */

/** Empty strings in .env files mean "not set". */
const optional = z.preprocess(
  (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
  z.string().optional(),
);

const MISSING_SECRET =
  "NEXTAUTH_SECRET is not set. Run `npm run env:ensure` to create .env.local with a random secret " +
  "(development), or set NEXTAUTH_SECRET in the server's environment (production; at least 32 characters, " +
  "e.g. `openssl rand -base64 32`).";

export const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    /** Set by `next build`; the secret is only needed when serving. */
    NEXT_PHASE: optional,
    DATABASE_URL: optional,
    NEXTAUTH_SECRET: optional.pipe(
      z.string().min(32, { error: "NEXTAUTH_SECRET must be at least 32 characters long." }).optional(),
    ),
    NEXTAUTH_URL: optional.pipe(
      z.url({ error: "NEXTAUTH_URL must be an absolute URL such as http://localhost:3000." }).optional(),
    ),
    GITHUB_ID: optional,
    GITHUB_SECRET: optional,
    GOOGLE_CLIENT_ID: optional,
    GOOGLE_CLIENT_SECRET: optional,
    /** How many reverse proxies in front append to X-Forwarded-For (see app/lib/auth/client-address.ts). */
    TRUST_PROXY: optional.transform((value, ctx) => {
      const hops = Number(value ?? "0");
      if (Number.isInteger(hops) && hops >= 0 && hops <= 10) return hops;
      ctx.addIssue({
        code: "custom",
        message: "TRUST_PROXY must be the number of trusted proxies (0, 1, 2, …).",
      });
      return z.NEVER;
    }),
  })
  .superRefine((env, ctx) => {
    const building = env.NEXT_PHASE === "phase-production-build";
    if (env.NODE_ENV === "production" && !building && !env.NEXTAUTH_SECRET) {
      ctx.addIssue({ code: "custom", path: ["NEXTAUTH_SECRET"], message: MISSING_SECRET });
    }
    if (!!env.GITHUB_ID !== !!env.GITHUB_SECRET) {
      ctx.addIssue({
        code: "custom",
        path: ["GITHUB_ID"],
        message: "Set both GITHUB_ID and GITHUB_SECRET, or neither.",
      });
    }
    if (!!env.GOOGLE_CLIENT_ID !== !!env.GOOGLE_CLIENT_SECRET) {
      ctx.addIssue({
        code: "custom",
        path: ["GOOGLE_CLIENT_ID"],
        message: "Set both GOOGLE_CLIENT_ID and GOOGLE_CLIENT_SECRET, or neither.",
      });
    }
  });

export type Env = z.infer<typeof envSchema>;

/** Parses an environment; throws one readable error listing every problem. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  - ${issue.path.join(".") || "env"}: ${issue.message}`);
  throw new Error(`Invalid environment variables:\n${lines.join("\n")}`);
}

export const env: Env = parseEnv(process.env);

/** Which optional OAuth providers are configured. */
export const oauthProviders = {
  github: !!(env.GITHUB_ID && env.GITHUB_SECRET),
  google: !!(env.GOOGLE_CLIENT_ID && env.GOOGLE_CLIENT_SECRET),
};
