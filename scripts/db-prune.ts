/**
 * `npm run db:prune` — removes data that has expired: guests' quiz attempts older than 90 days
 * (their cookie has expired by then; responses go with them) and idle sign-in throttle rows.
 * Safe to run from cron while the server runs.
 */
import { pruneExpiredData, GUEST_RETENTION_DAYS } from "../app/lib/account/data";
import { prisma } from "../app/lib/db/client";

try {
  const pruned = await pruneExpiredData();
  console.log(
    `Removed ${pruned.guestAttempts} guest attempt(s) older than ${GUEST_RETENTION_DAYS} days and ${pruned.throttleRows} idle throttle row(s).`,
  );
} finally {
  await prisma.$disconnect();
}
