import { describe, expect, it } from "vitest";
import {
  canCreateClass,
  canReviewQuestions,
  canSeeGlobalItemAnalysis,
  classAccess,
  manageScope,
  passwordResetScope,
  showsTeachArea,
  teacherSignup,
  type ClassRelation,
  type Viewer,
} from "./permissions";

const anonymous: Viewer = { kind: "anonymous" };
const guest: Viewer = { kind: "guest" };
const learner: Viewer = { kind: "user", userId: "l", role: "learner" };
const teacher: Viewer = { kind: "user", userId: "t", role: "teacher" };
const admin: Viewer = { kind: "user", userId: "a", role: "admin" };

/** The seven people of the matrix, each with their relation to one class. */
const MATRIX: [string, Viewer, ClassRelation, ReturnType<typeof classAccess>][] = [
  ["anonymous", anonymous, "none", "none"],
  ["guest", guest, "none", "none"],
  ["a learner not in the class", learner, "none", "none"],
  ["a learner of the class", learner, "learner", "member"],
  ["a learner who left", learner, "former_learner", "none"],
  ["the class's teacher (any role)", learner, "owner", "manage"],
  ["a co-teacher", teacher, "co_teacher", "manage"],
  ["another teacher", teacher, "none", "none"],
  ["an admin", admin, "none", "manage"],
];

describe("classAccess", () => {
  it.each(MATRIX)("%s", (_name, viewer, relation, expected) => {
    expect(classAccess(viewer, relation)).toBe(expected);
  });
});

describe("creating classes", () => {
  it("anyone signed in may when sign-up is open; guests and anonymous never", () => {
    expect(canCreateClass(learner, "open")).toBe(true);
    expect(canCreateClass(guest, "open")).toBe(false);
    expect(canCreateClass(anonymous, "open")).toBe(false);
  });

  it("only teachers and admins when TEACHER_SIGNUP=closed", () => {
    expect(teacherSignup({ TEACHER_SIGNUP: "closed" })).toBe("closed");
    expect(teacherSignup({})).toBe("open");
    expect(canCreateClass(learner, "closed")).toBe(false);
    expect(canCreateClass(teacher, "closed")).toBe(true);
    expect(canCreateClass(admin, "closed")).toBe(true);
  });
});

describe("query scopes and the question bank", () => {
  it("admins may manage any class, others only what they teach, visitors nothing", () => {
    expect(manageScope(admin)).toEqual({ kind: "any" });
    expect(manageScope(learner)).toEqual({ kind: "teaching", userId: "l" });
    expect(manageScope(guest)).toEqual({ kind: "nothing" });
  });

  it("reviewing questions needs the teacher role, admin, or teaching a class", () => {
    expect(canReviewQuestions(learner, false)).toBe(false);
    expect(canReviewQuestions(learner, true)).toBe(true);
    expect(canReviewQuestions(teacher, false)).toBe(true);
    expect(canReviewQuestions(guest, true)).toBe(false);
    expect(canSeeGlobalItemAnalysis(admin)).toBe(true);
    expect(canSeeGlobalItemAnalysis(teacher)).toBe(false);
  });

  it("temporary passwords: admins for anyone but themselves, others only for learners of classes they manage", () => {
    expect(passwordResetScope(anonymous)).toEqual({ kind: "nobody" });
    expect(passwordResetScope(guest)).toEqual({ kind: "nobody" });
    expect(passwordResetScope(admin)).toEqual({ kind: "anyone_but", userId: "a" });
    expect(passwordResetScope(teacher)).toEqual({
      kind: "learners_of",
      scope: { kind: "teaching", userId: "t" },
    });
    expect(passwordResetScope(learner)).toEqual({
      kind: "learners_of",
      scope: { kind: "teaching", userId: "l" },
    });
  });

  it("the Teach link: teachers, admins, and anyone teaching a class", () => {
    expect(showsTeachArea("learner", 0)).toBe(false);
    expect(showsTeachArea("learner", 1)).toBe(true);
    expect(showsTeachArea("teacher", 0)).toBe(true);
    expect(showsTeachArea("admin", 0)).toBe(true);
  });
});
