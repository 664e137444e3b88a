"use client";

import { SessionProvider } from "next-auth/react";

/** Session context for the small client islands (account nav, quiz); pages stay static. */
export function SessionProviderClient({ children }: { children: React.ReactNode }) {
  return <SessionProvider refetchOnWindowFocus={false}>{children}</SessionProvider>;
}
