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
      /** Signed in with a temporary password that must be changed before anything else. */
      mustChangePassword: boolean;
      /** Shown the teacher area: a teacher or admin, or someone who teaches a class. */
      teaches: boolean;
    } & Omit<NonNullable<DefaultSession["user"]>, "name" | "email">;
  }

  /** What `authorize` returns. */
  interface User {
    role?: Role;
    timezone?: string;
    sessionVersion?: number;
    mustChangePassword?: boolean;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    role?: Role;
    tz?: string;
    /** The user's session version when this token was issued; an older one is refused. */
    sv?: number;
    /** Must change a temporary password. */
    mcp?: boolean;
    /** Shown the teacher area. */
    teach?: boolean;
  }
}
