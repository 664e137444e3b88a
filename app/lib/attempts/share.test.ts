/**
 * Sharing a result by link, on a real temporary database: unguessable tokens stored only as a
 * hash, owner-only creation and revocation, and a stopped link that opens nothing.
 */
import { createHash, randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { tempDatabase } from "@/app/lib/db/test-database";
import type * as ShareModule from "@/app/lib/attempts/share";
import type * as ServiceModule from "@/app/lib/attempts/service";
import type * as PrismaModule from "@/app/lib/db/prisma";

vi.mock("server-only", () => ({}));

const db = tempDatabase("shares");
let share: typeof ShareModule;
let service: typeof ServiceModule;
let prisma: (typeof PrismaModule)["prisma"];

const SLUG = "share-lesson";
type Owner = { kind: "user"; userId: string } | { kind: "guest"; guestToken: string };

const newGuest = (): Owner => ({ kind: "guest", guestToken: "g_" + randomBytes(32).toString("base64url") });

async function newUser(name = "Ann Learner"): Promise<Owner> {
  const user = await prisma.user.create({
    data: { email: `${randomBytes(8).toString("hex")}@example.org`, name },
  });
  return { kind: "user", userId: user.id };
}

/** A submitted attempt of the owner's, one of its two questions answered right. */
async function submitted(owner: Owner): Promise<string> {
  const { quiz } = await service.startQuiz(owner, { kind: "lesson", slug: SLUG });
  await service.saveAnswer(owner, quiz.attemptId, "q-share-mc", "Makhno");
  await service.submitQuiz(owner, quiz.attemptId);
  return quiz.attemptId;
}

const tokenOf = (path: string) => path.replace(/^\/shared\//, "");

beforeAll(async () => {
  await db.ready;
  ({ prisma } = await import("@/app/lib/db/prisma"));
  service = await import("@/app/lib/attempts/service");
  share = await import("@/app/lib/attempts/share");
  const mod = await prisma.module.create({
    data: {
      slug: "m",
      title: "M",
      organisation: "O",
      sourceUrl: "https://example.org",
      position: 1,
      wordCount: 1,
    },
  });
  const lesson = await prisma.lesson.create({
    data: {
      slug: SLUG,
      moduleId: mod.id,
      position: 1,
      title: "Sharing",
      wordCount: 1,
      readingMinutes: 1,
      contentHash: "h",
    },
  });
  const common = { lessonId: lesson.id, keyKind: "person", difficulty: 0.5, generatorVersion: "test" };
  await prisma.question.create({
    data: {
      ...common,
      id: "q-share-mc",
      type: "multiple_choice",
      prompt: "Who led the Insurgent Army? _____",
      choices: ["Lenin", "Trotsky", "Makhno", "Kerensky"],
      answer: "Makhno",
      evidence: "Makhno led it.",
      evidenceAnchor: "p-1",
      evidenceAnchors: ["p-1"],
    },
  });
  await prisma.question.create({
    data: {
      ...common,
      id: "q-share-tf",
      type: "true_false",
      prompt: "True or false? Kronstadt rose in 1921.",
      choices: ["True", "False"],
      answer: "True",
      evidence: "Kronstadt rose in 1921.",
      evidenceAnchor: "p-2",
      evidenceAnchors: ["p-2"],
    },
  });
});
afterAll(() => db.cleanup());

describe("share tokens", () => {
  it("are 256 random bits in base64url, never repeat, and are stored only as their SHA-256", async () => {
    const tokens = new Set(Array.from({ length: 2_000 }, () => share.newShareToken()));
    expect(tokens.size).toBe(2_000);
    for (const t of [...tokens].slice(0, 50)) {
      expect(t).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(t, "base64url")).toHaveLength(32);
    }

    const ann = await newUser();
    const attemptId = await submitted(ann);
    const made = await share.shareResult(ann, attemptId);
    const token = tokenOf(made.path);
    expect(share.shareTokenSchema.safeParse(token).success).toBe(true);
    expect(token).not.toContain(attemptId);
    const row = await prisma.resultShare.findUniqueOrThrow({ where: { attemptId } });
    expect(row.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(token);
    // Sharing the same attempt again gives an unrelated token: nothing derives it from the attempt.
    const again = tokenOf((await share.shareResult(ann, attemptId)).path);
    expect(again).not.toBe(token);
  });
});

describe("sharing a result", () => {
  it("opens the result read-only with the owner's display name and nothing else of the account", async () => {
    const ann = await newUser("Ann Learner");
    const attemptId = await submitted(ann);
    expect(await share.getShareStatus(ann, attemptId)).toEqual({ shared: false, since: null });
    const made = await share.shareResult(ann, attemptId);
    expect(made.shared).toBe(true);
    expect(made.path).toMatch(/^\/shared\/[A-Za-z0-9_-]{43}$/);
    expect(await share.getShareStatus(ann, attemptId)).toEqual({ shared: true, since: made.since });

    const view = await share.findSharedResult(tokenOf(made.path));
    expect(view).toMatchObject({ sharedBy: "Ann Learner", result: { score: 1, total: 2 } });
    const json = JSON.stringify(view);
    const user = await prisma.user.findUniqueOrThrow({
      where: { id: ann.kind === "user" ? ann.userId : "" },
    });
    expect(json).not.toContain(user.email);
    expect(json).not.toContain(user.id);
    expect(json).not.toContain(attemptId);
  });

  it("a guest's result is shown as a guest's", async () => {
    const guest = newGuest();
    const attemptId = await submitted(guest);
    const made = await share.shareResult(guest, attemptId);
    const view = await share.findSharedResult(tokenOf(made.path));
    expect(view?.sharedBy).toBe("a guest");
    expect(JSON.stringify(view)).not.toContain(guest.kind === "guest" ? guest.guestToken : "");
  });

  it("stopping the share or making a new link closes the old link", async () => {
    const ann = await newUser();
    const attemptId = await submitted(ann);
    const first = tokenOf((await share.shareResult(ann, attemptId)).path);
    const second = tokenOf((await share.shareResult(ann, attemptId)).path);
    expect(await share.findSharedResult(first)).toBeNull();
    expect(await share.findSharedResult(second)).not.toBeNull();
    expect(await share.stopSharingResult(ann, attemptId)).toEqual({ shared: false, since: null });
    expect(await share.findSharedResult(second)).toBeNull();
    expect(await prisma.resultShare.count({ where: { attemptId } })).toBe(0);
    // Stopping twice is harmless.
    expect(await share.stopSharingResult(ann, attemptId)).toEqual({ shared: false, since: null });
  });

  it("nobody else can share, stop or read the status of someone's attempt", async () => {
    const ann = await newUser();
    const attemptId = await submitted(ann);
    const made = await share.shareResult(ann, attemptId);
    for (const intruder of [await newUser("Bob"), newGuest()]) {
      await expect(share.shareResult(intruder, attemptId)).rejects.toMatchObject({ code: "not_found" });
      await expect(share.stopSharingResult(intruder, attemptId)).rejects.toMatchObject({ code: "not_found" });
      expect(await share.getShareStatus(intruder, attemptId)).toEqual({ shared: false, since: null });
    }
    // Ann's link still opens, unchanged.
    expect(await share.findSharedResult(tokenOf(made.path))).not.toBeNull();
    expect(await prisma.resultShare.count({ where: { attemptId } })).toBe(1);
  });

  it("an attempt still in progress cannot be shared; unknown and malformed links open nothing", async () => {
    const ann = await newUser();
    const { quiz } = await service.startQuiz(ann, { kind: "lesson", slug: SLUG });
    await expect(share.shareResult(ann, quiz.attemptId)).rejects.toMatchObject({ code: "conflict" });
    expect(await share.findSharedResult(share.newShareToken())).toBeNull();
    for (const bad of ["", "short", "x".repeat(44), "../../etc/passwd".padEnd(43, "a"), quiz.attemptId])
      expect(await share.findSharedResult(bad)).toBeNull();
  });
});
