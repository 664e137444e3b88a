"use client";

import { useState } from "react";
import { signOut } from "next-auth/react";

/** Signs out through next-auth (CSRF-protected POST) and lands on the home page. */
export function SignOutButton({
  className,
  callbackUrl = "/",
}: {
  className?: string;
  callbackUrl?: string;
}) {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      disabled={pending}
      onClick={() => {
        setPending(true);
        void signOut({ callbackUrl });
      }}
      className={
        className ??
        "rounded-md border border-stone-300 px-3 py-1.5 hover:bg-stone-100 disabled:opacity-60 dark:border-stone-700 dark:hover:bg-stone-900"
      }
    >
      {pending ? "Signing out…" : "Sign out"}
    </button>
  );
}
