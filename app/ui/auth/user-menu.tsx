import Link from "next/link";
import { getSessionUser } from "@/app/lib/auth/actor";
import { SignOutButton } from "./sign-out-button-client";

/**
 * Header account links, rendered on the server from the session cookie. Note: reading the
 * session makes the page that renders it dynamic; for static pages use a client island that
 * reads /api/auth/session instead (app/ui/site/account-nav-client.tsx does).
 */
export async function UserMenu() {
  const user = await getSessionUser();
  if (!user) {
    return (
      <div className="flex items-center gap-4 text-sm">
        <Link href="/sign-in" className="hover:underline">
          Sign in
        </Link>
        <Link href="/sign-up" className="rounded-md bg-accent-600 px-3 py-1.5 font-medium text-white hover:bg-accent-700">
          Sign up
        </Link>
      </div>
    );
  }
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
      <span className="font-medium" data-testid="user-menu-name">
        <span className="sr-only">Signed in as </span>
        {user.name}
      </span>
      <Link href="/dashboard" className="hover:underline">
        Dashboard
      </Link>
      <Link href="/review" className="hover:underline">
        Review
      </Link>
      <Link href="/account" className="hover:underline">
        Account
      </Link>
      <SignOutButton />
    </div>
  );
}
