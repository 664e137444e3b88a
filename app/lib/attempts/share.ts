import "server-only";
/**
 * Sharing a result by link. The owner of a submitted attempt (a signed-in learner or the guest
 * whose cookie took it) makes a link holding a random token of 256 bits; only the token's
 * SHA-256 is stored, so neither the attempt id nor the database gives the link away, and the link
 * is shown once. A new link replaces the old one; stopping the share deletes it, after which the
 * link is a 404 like any unknown one. The shared page shows the result and the owner's display
 * name (a guest is "a guest"), nothing else of the account.
 */
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { getSharedAttemptBundle, type AttemptOwner } from "@/app/lib/db/attempts";
import { deleteResultShare, findResultShare, replaceResultShare } from "@/app/lib/db/result-shares";
import { AppError } from "@/app/lib/errors";
import { attemptIdSchema } from "./schemas";
import { toResultView } from "./service";
import type { ResultView } from "./views";

const TOKEN_BYTES = 32;

/** A share token as it appears in links: 43 base64url characters (256 random bits). */
export const shareTokenSchema = z
  .string()
  .length(43)
  .regex(/^[A-Za-z0-9_-]+$/, "Not a share link.");

export const shareResultInput = z.strictObject({ attemptId: attemptIdSchema });

export function newShareToken(): string {
  return randomBytes(TOKEN_BYTES).toString("base64url");
}

export function hashShareToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export const sharePath = (token: string): string => `/shared/${token}`;

/** Who can see a result, as its owner's page says it. */
export interface ShareStatus {
  shared: boolean;
  /** ISO time the current link was made. */
  since: string | null;
}

const NOT_YOURS = "That result does not exist or is not yours.";

/** Make (or remake) the link to the owner's submitted attempt; the old link stops working. */
export async function shareResult(
  owner: AttemptOwner,
  attemptId: string,
): Promise<ShareStatus & { path: string }> {
  const token = newShareToken();
  const written = await replaceResultShare(owner, attemptId, hashShareToken(token));
  if (written.kind === "not_found") throw new AppError("not_found", NOT_YOURS);
  if (written.kind === "not_submitted")
    throw new AppError("conflict", "Submit the quiz before sharing its result.");
  return { shared: true, since: written.createdAt.toISOString(), path: sharePath(token) };
}

/** Stop sharing the owner's attempt: its link no longer opens anything. */
export async function stopSharingResult(owner: AttemptOwner, attemptId: string): Promise<ShareStatus> {
  if (!(await deleteResultShare(owner, attemptId))) throw new AppError("not_found", NOT_YOURS);
  return { shared: false, since: null };
}

export async function getShareStatus(owner: AttemptOwner, attemptId: string): Promise<ShareStatus> {
  const share = await findResultShare(owner, attemptId);
  return { shared: share !== null, since: share?.createdAt.toISOString() ?? null };
}

/** What a shared link shows: the result without anything of the owner's but a display name. */
export interface SharedResultView {
  sharedBy: string;
  result: Omit<ResultView, "attemptId" | "guest">;
}

/** The result a share token opens, or null (a malformed, unknown or stopped link). */
export async function findSharedResult(token: string): Promise<SharedResultView | null> {
  if (!shareTokenSchema.safeParse(token).success) return null;
  const found = await getSharedAttemptBundle(hashShareToken(token));
  if (!found) return null;
  const { attemptId: _id, guest: _guest, ...result } = toResultView(found.bundle, false);
  return { sharedBy: found.ownerName ?? "a guest", result };
}
