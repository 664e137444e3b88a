import "server-only";
import { prisma } from "@/app/lib/db/prisma";
import { applyReviewOutcomes, type Reschedule } from "@/app/lib/db/review-cards";
import type { Role } from "@/app/lib/auth/roles";
import type { PasswordResetScope } from "@/app/lib/classes/permissions";
import { managedClassWhere } from "@/app/lib/db/classes";

/**
 * Users: the only module that touches the User table (and, for claiming, guest attempts).
 * Every function takes the acting user (or the email being signed in) explicitly; nothing here
 * reads the session. Password hashes leave this module only through `findUserForSignIn` and
 * `findPasswordHash` (the checks of a password).
 */

export type UserProfile = {
  id: string;
  email: string;
  name: string;
  role: Role;
  timezone: string;
  streakOptIn: boolean;
  createdAt: Date;
};

const profileSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  timezone: true,
  streakOptIn: true,
  createdAt: true,
} as const;

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "P2002";
}

export type CreateUserInput = {
  email: string;
  name: string;
  /** argon2id hash; null for accounts that sign in through OAuth only. */
  passwordHash: string | null;
  role?: Role;
  timezone?: string;
};

export type CreateUserResult = { ok: true; user: UserProfile } | { ok: false; reason: "email_taken" };

/** Creates a user; a duplicate email is an expected outcome, not an exception. */
export async function createUser(input: CreateUserInput): Promise<CreateUserResult> {
  try {
    const user = await prisma.user.create({
      data: {
        email: input.email,
        name: input.name,
        passwordHash: input.passwordHash,
        role: input.role ?? "learner",
        timezone: input.timezone ?? "UTC",
      },
      select: profileSelect,
    });
    return { ok: true, user };
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, reason: "email_taken" };
    throw error;
  }
}

export type UserForSignIn = UserProfile & {
  passwordHash: string | null;
  sessionVersion: number;
  mustChangePassword: boolean;
};

/** The one query that returns a password hash: for the credentials sign-in check only. */
export async function findUserForSignIn(email: string): Promise<UserForSignIn | null> {
  const user = await prisma.user.findUnique({ where: { email }, omit: { passwordHash: false } });
  if (!user) return null;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    timezone: user.timezone,
    streakOptIn: user.streakOptIn,
    createdAt: user.createdAt,
    passwordHash: user.passwordHash ?? null,
    sessionVersion: user.sessionVersion,
    mustChangePassword: user.mustChangePassword,
  };
}

export type SessionState = UserProfile & {
  sessionVersion: number;
  mustChangePassword: boolean;
  /** Classes the user owns or co-teaches (archived ones included). */
  classesTaught: number;
};

/** What every authenticated request checks its session token against (null: no such user). */
export async function getSessionState(userId: string): Promise<SessionState | null> {
  const row = await prisma.user.findUnique({
    where: { id: userId },
    select: {
      ...profileSelect,
      sessionVersion: true,
      mustChangePassword: true,
      _count: {
        select: { classesTaught: true, memberships: { where: { role: "teacher", exitedAt: null } } },
      },
    },
  });
  if (!row) return null;
  const { _count, ...state } = row;
  return { ...state, classesTaught: _count.classesTaught + _count.memberships };
}

/** The acting user's password hash, to check their current password (null: none or no user). */
export async function findPasswordHash(userId: string): Promise<string | null> {
  const user = await prisma.user.findUnique({
    where: { id: userId },
    select: { passwordHash: true },
  });
  return user?.passwordHash ?? null;
}

/**
 * Stores a new password hash and raises the session version (ending every session issued
 * before). `temporary`: set by an administrator, to be changed at the next sign-in.
 * Returns the new session version, or null when there is no such user.
 */
export async function setPasswordHash(
  where: { id: string } | { email: string },
  passwordHash: string,
  temporary: boolean,
): Promise<number | null> {
  const { count } = await prisma.user.updateMany({
    where,
    data: { passwordHash, mustChangePassword: temporary, sessionVersion: { increment: 1 } },
  });
  if (count === 0) return null;
  const user = await prisma.user.findUnique({ where, select: { sessionVersion: true } });
  return user?.sessionVersion ?? null;
}

/**
 * Gives `userId` a temporary password (ending their sessions) if the scope covers them, checked
 * in the same statement; their name, or null when they are not in scope.
 */
export async function setTemporaryPasswordWithin(
  scope: PasswordResetScope,
  userId: string,
  passwordHash: string,
): Promise<string | null> {
  if (scope.kind === "nobody") return null;
  const where =
    scope.kind === "anyone_but"
      ? { AND: [{ id: userId }, { id: { not: scope.userId } }] }
      : {
          id: userId,
          role: "learner" as const,
          memberships: {
            some: { role: "learner" as const, exitedAt: null, class: managedClassWhere(scope.scope) },
          },
        };
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({
      where,
      data: { passwordHash, mustChangePassword: true, sessionVersion: { increment: 1 } },
    });
    if (count === 0) return null;
    const user = await tx.user.findUnique({ where: { id: userId }, select: { name: true } });
    return user?.name ?? null;
  });
}

/** Raises the session version ("sign out everywhere"); returns the new one. */
export async function bumpSessionVersion(userId: string): Promise<number> {
  const user = await prisma.user.update({
    where: { id: userId },
    data: { sessionVersion: { increment: 1 } },
    select: { sessionVersion: true },
  });
  return user.sessionVersion;
}

/** The acting user's own profile (null if the account no longer exists). */
export async function getUserProfile(userId: string): Promise<UserProfile | null> {
  return prisma.user.findUnique({ where: { id: userId }, select: profileSelect });
}

export async function getUserProfileByEmail(email: string): Promise<UserProfile | null> {
  return prisma.user.findUnique({ where: { email }, select: profileSelect });
}

export type ProfileUpdate = { name?: string; timezone?: string; streakOptIn?: boolean };

/** Updates the acting user's own profile. Role and email are not editable here. */
export async function updateProfile(userId: string, data: ProfileUpdate): Promise<UserProfile> {
  return prisma.user.update({
    where: { id: userId },
    data: { name: data.name, timezone: data.timezone, streakOptIn: data.streakOptIn },
    select: profileSelect,
  });
}

/**
 * OAuth sign-in: finds the account with this (provider-verified) email or creates a learner.
 * An existing account keeps its name, role and password.
 */
export async function upsertOAuthUser(input: { email: string; name: string }): Promise<UserProfile> {
  return prisma.user.upsert({
    where: { email: input.email },
    update: {},
    create: { email: input.email, name: input.name, passwordHash: null, role: "learner", timezone: "UTC" },
    select: profileSelect,
  });
}

/**
 * Moves every attempt a guest made to `userId` (on sign-up or sign-in) and forgets the token on
 * them. Only unowned attempts move, so a token can never take attempts from another account.
 * Submitted guest quizzes then feed the user's review queue, replayed in the order they were
 * taken, for questions the user has no review card for yet (their own history wins), with the
 * schedules `reschedule` gives. Returns how many attempts moved.
 */
export async function claimGuestAttempts(
  userId: string,
  guestToken: string,
  reschedule: Reschedule,
): Promise<number> {
  if (!userId || !guestToken) return 0;
  return prisma.$transaction(
    async (tx) => {
      const attempts = await tx.attempt.findMany({
        where: { guestToken, userId: null },
        select: {
          id: true,
          status: true,
          kind: true,
          submittedAt: true,
          questionIds: true,
          responses: { select: { questionId: true, correct: true } },
        },
        orderBy: { startedAt: "asc" },
      });
      if (attempts.length === 0) return 0;
      const { count } = await tx.attempt.updateMany({
        where: { id: { in: attempts.map((a) => a.id) }, userId: null },
        data: { userId, guestToken: null },
      });

      const submitted = attempts
        .filter((a) => a.status === "submitted" && (a.kind === "quiz" || a.kind === "test") && a.submittedAt)
        .sort((a, b) => a.submittedAt!.getTime() - b.submittedAt!.getTime());
      if (submitted.length) {
        const drawn = new Set(submitted.flatMap((a) => questionIdsOf(a.questionIds)));
        const known = await tx.reviewCard.findMany({
          where: { userId, questionId: { in: [...drawn] } },
          select: { questionId: true },
        });
        const skip = new Set(known.map((card) => card.questionId));
        for (const attempt of submitted) {
          const correct = new Map(attempt.responses.map((r) => [r.questionId, r.correct === true]));
          const outcomes = questionIdsOf(attempt.questionIds)
            .filter((questionId) => !skip.has(questionId))
            .map((questionId) => ({ questionId, correct: correct.get(questionId) ?? false }));
          await applyReviewOutcomes(tx, userId, outcomes, attempt.submittedAt!, reschedule);
        }
      }
      return count;
    },
    { maxWait: 15_000, timeout: 15_000 },
  );
}

function questionIdsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((id): id is string => typeof id === "string") : [];
}
