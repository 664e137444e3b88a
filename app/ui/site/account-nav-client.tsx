"use client";

import Link from "next/link";
import { signOut, useSession } from "next-auth/react";

/**
 * Account links in the header. A client island so that every page can stay static:
 * the session is read from /api/auth/session after the page loads.
 */
export function AccountNavClient() {
  const { data: session, status } = useSession();

  if (status === "loading") {
    return <span className="h-5 w-28" aria-hidden />;
  }

  if (!session?.user) {
    return (
      <>
        <Link href="/sign-in" className="hover:underline">
          Sign in
        </Link>
        <Link
          href="/sign-up"
          className="rounded-md bg-accent-600 px-3 py-1.5 font-medium text-white hover:bg-accent-700"
        >
          Sign up
        </Link>
      </>
    );
  }

  return (
    <>
      <Link href="/dashboard" className="hover:underline">
        Dashboard
      </Link>
      <Link href="/review" className="hover:underline">
        Review
      </Link>
      {session.user.teaches && (
        <Link href="/teach" className="hover:underline">
          Teach
        </Link>
      )}
      <Link href="/account" className="hover:underline" data-testid="account-name">
        {session.user.name ?? "Account"}
      </Link>
      <button
        type="button"
        onClick={() => void signOut({ callbackUrl: "/" })}
        className="rounded-md border border-stone-300 px-3 py-1.5 hover:bg-stone-100 dark:border-stone-700 dark:hover:bg-stone-900"
      >
        Sign out
      </button>
    </>
  );
}
