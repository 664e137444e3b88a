import "server-only";
import type { NextAuthOptions } from "next-auth";
import type { Provider } from "next-auth/providers/index";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import GoogleProvider from "next-auth/providers/google";
import { env, oauthProviders } from "@/app/lib/env";
import {
  findUserForSignIn,
  getSessionState,
  getUserProfileByEmail,
  upsertOAuthUser,
} from "@/app/lib/db/users";
import { verifyAgainstDummy, verifyPassword } from "./password";
import { arrivalJoinCodeSchema, emailSchema, nameSchema, signInSchema } from "./schemas";
import { joinOnArrival } from "@/app/lib/classes/service";
import { showsTeachArea } from "@/app/lib/classes/permissions";
import { claimGuestFromCookie } from "./claim";
import { clientAddress } from "./client-address";
import { admitSignIn, signInSucceeded } from "./throttle";
import { throttledError } from "./throttle-message";

export const THIRTY_DAYS = 30 * 24 * 60 * 60;

function providers(): Provider[] {
  const list: Provider[] = [
    CredentialsProvider({
      id: "credentials",
      name: "Email and password",
      credentials: {
        email: { label: "Email", type: "email" },
        password: { label: "Password", type: "password" },
        joinCode: { label: "Class code", type: "text" },
      },
      async authorize(credentials, req) {
        const parsed = signInSchema.safeParse(credentials ?? {});
        if (!parsed.success) return null;
        const { email, password } = parsed.data;
        const address = clientAddress(req?.headers, env.TRUST_PROXY);
        const verdict = await admitSignIn(email, address);
        if (!verdict.ok) throw new Error(throttledError(verdict.retryAfterSeconds));
        const user = await findUserForSignIn(email);
        const ok = user?.passwordHash
          ? await verifyPassword(user.passwordHash, password)
          : await verifyAgainstDummy(password);
        if (!user || !ok) return null;
        await signInSucceeded(email);
        await claimGuestFromCookie(user.id);
        // Signing in from a join link: join that class on the way (checked and throttled).
        const joinCode = arrivalJoinCodeSchema.safeParse(credentials?.joinCode);
        if (joinCode.success && joinCode.data) {
          const { id: userId, role, timezone, name } = user;
          await joinOnArrival({ kind: "user", userId, role, timezone, name }, joinCode.data, address);
        }
        return {
          id: user.id,
          email: user.email,
          name: user.name,
          role: user.role,
          timezone: user.timezone,
          sessionVersion: user.sessionVersion,
          mustChangePassword: user.mustChangePassword,
        };
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

    /**
     * Runs on every request that reads the session. The claims are checked against the
     * database each time (one lookup by primary key): a token whose session version is older
     * than the user's (password changed, "sign out everywhere", temporary password set) or
     * whose user is gone is signed out at once; role, name and timezone follow the database.
     */
    async jwt({ token: incoming, user, account }) {
      let token = incoming;
      if (user && account) {
        if (account.type === "credentials") {
          token = { ...token, uid: user.id, sv: user.sessionVersion ?? 0 };
        } else {
          const dbUser = token.email ? await getUserProfileByEmail(token.email.toLowerCase()) : null;
          const state = dbUser ? await getSessionState(dbUser.id) : null;
          if (!state) return { ...token, uid: undefined };
          token = { ...token, uid: state.id, sv: state.sessionVersion };
        }
      }
      if (!token.uid) return token;
      const state = await getSessionState(token.uid);
      if (!state || state.sessionVersion !== (token.sv ?? 0)) return { ...token, uid: undefined };
      return {
        ...token,
        name: state.name,
        email: state.email,
        role: state.role,
        tz: state.timezone,
        mcp: state.mustChangePassword,
        teach: showsTeachArea(state.role, state.classesTaught),
      };
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
        mustChangePassword: token.mcp === true,
        teaches: token.teach === true,
      };
      return session;
    },
  },
};
