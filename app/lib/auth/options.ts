import "server-only";
import type { NextAuthOptions } from "next-auth";
import type { Provider } from "next-auth/providers/index";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import GoogleProvider from "next-auth/providers/google";
import { env, oauthProviders } from "@/app/lib/env";
import {
  findUserForSignIn,
  getUserProfile,
  getUserProfileByEmail,
  upsertOAuthUser,
} from "@/app/lib/db/users";
import { verifyAgainstDummy, verifyPassword } from "./password";
import { emailSchema, nameSchema, signInSchema } from "./schemas";
import { claimGuestFromCookie } from "./claim";
import { clientAddress } from "./client-address";
import { admitSignIn, signInSucceeded } from "./throttle";
import { throttledError } from "./throttle-message";

/** Claims in the JWT are reloaded from the database this often (role or name changes, deleted users). */
const RELOAD_AFTER_MS = 5 * 60 * 1000;
const THIRTY_DAYS = 30 * 24 * 60 * 60;

function providers(): Provider[] {
  const list: Provider[] = [
    CredentialsProvider({
      id: "credentials",
      name: "Email and password",
      credentials: {
        email: { label: "Email", type: "email" },
        password: { label: "Password", type: "password" },
      },
      async authorize(credentials, req) {
        const parsed = signInSchema.safeParse(credentials ?? {});
        if (!parsed.success) return null;
        const { email, password } = parsed.data;
        const verdict = await admitSignIn(email, clientAddress(req?.headers, env.TRUST_PROXY));
        if (!verdict.ok) throw new Error(throttledError(verdict.retryAfterSeconds));
        const user = await findUserForSignIn(email);
        const ok = user?.passwordHash
          ? await verifyPassword(user.passwordHash, password)
          : await verifyAgainstDummy(password);
        if (!user || !ok) return null;
        await signInSucceeded(email);
        await claimGuestFromCookie(user.id);
        return { id: user.id, email: user.email, name: user.name, role: user.role, timezone: user.timezone };
      },
    }),
  ];
  if (oauthProviders.github) {
    list.push(GitHubProvider({ clientId: env.GITHUB_ID!, clientSecret: env.GITHUB_SECRET! }));
  }
  if (oauthProviders.google) {
    list.push(GoogleProvider({ clientId: env.GOOGLE_CLIENT_ID!, clientSecret: env.GOOGLE_CLIENT_SECRET! }));
  }
  return list;
}

export const authOptions: NextAuthOptions = {
  secret: env.NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: THIRTY_DAYS },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: providers(),
  callbacks: {
    /** OAuth: only a provider-verified email may sign in; the account is upserted as a learner. */
    async signIn({ user, account, profile }) {
      if (!account || account.type === "credentials") return true;
      const email = emailSchema.safeParse(user.email ?? "");
      if (!email.success) return false;
      if (
        account.provider === "google" &&
        (profile as { email_verified?: boolean } | undefined)?.email_verified !== true
      ) {
        return false;
      }
      const name = nameSchema.safeParse(user.name ?? "");
      const dbUser = await upsertOAuthUser({
        email: email.data,
        name: name.success ? name.data : email.data.split("@")[0]!.slice(0, 80),
      });
      await claimGuestFromCookie(dbUser.id);
      return true;
    },

    async jwt({ token, user, account, trigger }) {
      if (user && account) {
        if (account.type === "credentials") {
          token.uid = user.id;
          token.name = user.name;
          token.email = user.email;
          token.role = user.role;
          token.tz = user.timezone;
          token.loadedAt = Date.now();
          return token;
        }
        const dbUser = token.email ? await getUserProfileByEmail(token.email.toLowerCase()) : null;
        if (!dbUser) return { ...token, uid: undefined };
        return {
          ...token,
          uid: dbUser.id,
          name: dbUser.name,
          email: dbUser.email,
          role: dbUser.role,
          tz: dbUser.timezone,
          loadedAt: Date.now(),
        };
      }
      // `update()` from the client only triggers a reload; the data always comes from the database.
      const stale = !token.loadedAt || Date.now() - token.loadedAt > RELOAD_AFTER_MS;
      if (token.uid && (trigger === "update" || stale)) {
        const profile = await getUserProfile(token.uid);
        if (!profile) return { ...token, uid: undefined };
        return {
          ...token,
          name: profile.name,
          email: profile.email,
          role: profile.role,
          tz: profile.timezone,
          loadedAt: Date.now(),
        };
      }
      return token;
    },

    session({ session, token }) {
      if (!token.uid || !token.role) {
        delete session.user;
        return session;
      }
      session.user = {
        id: token.uid,
        name: token.name ?? "",
        email: token.email ?? "",
        role: token.role,
        timezone: token.tz ?? "UTC",
      };
      return session;
    },
  },
};
