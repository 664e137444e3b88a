import type { DefaultSession } from "next-auth";
import type { Role } from "./roles";

declare module "next-auth" {
  /** What `getServerSession` / `useSession` return. Absent `user` means signed out. */
  interface Session {
    user?: {
      id: string;
      name: string;
      email: string;
      role: Role;
      timezone: string;
    } & Omit<NonNullable<DefaultSession["user"]>, "name" | "email">;
  }

  /** What `authorize` returns. */
  interface User {
    role?: Role;
    timezone?: string;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    role?: Role;
    tz?: string;
    /** When the claims were last reloaded from the database (ms since epoch). */
    loadedAt?: number;
  }
}
