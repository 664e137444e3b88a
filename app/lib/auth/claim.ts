import "server-only";
import { cookies } from "next/headers";
import { claimGuestAttempts } from "@/app/lib/db/users";
import { rescheduleOutcomes } from "@/app/lib/progress/scheduling";
import { GUEST_COOKIE, guestCookieOptions, isGuestToken } from "./guest";

/**
 * Called wherever a person becomes a user in this request (sign-up action, credentials
 * `authorize`, OAuth sign-in): moves the guest's attempts to the account and clears the guest
 * cookie. Never throws: a failed claim must not block signing in (the attempts stay with the
 * token and are claimed on the next sign-in).
 */
export async function claimGuestFromCookie(userId: string): Promise<number> {
  try {
    const store = await cookies();
    const token = store.get(GUEST_COOKIE)?.value;
    if (!isGuestToken(token)) return 0;
    const moved = await claimGuestAttempts(userId, token, rescheduleOutcomes);
    try {
      store.set(GUEST_COOKIE, "", { ...guestCookieOptions(), maxAge: 0 });
    } catch {
      // Read-only cookies (a server component render): leave it; it is harmless once claimed.
    }
    return moved;
  } catch (error) {
    console.error("claimGuestFromCookie failed", error);
    return 0;
  }
}
