"use server";
/**
 * Server actions for the teacher pages and for joining a class. Each goes through the shared
 * wrapper (signed-in users, one zod schema) and calls one domain function; the domain decides
 * who may act and throws an AppError otherwise.
 */
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import * as classes from "@/app/lib/classes/service";
import * as assignments from "@/app/lib/assignments/service";
import { reviewDecisionInput, reviewQuestion } from "@/app/lib/quiz/review-queue";
import {
  archiveClassInput,
  classIdInput,
  coTeacherInput,
  createClassInput,
  joinCodeInput,
  joinEnabledInput,
  memberInput,
  renameClassInput,
} from "@/app/lib/classes/schemas";
import {
  closeAssignmentInput,
  createAssignmentInput,
  startAssignedInput,
} from "@/app/lib/assignments/schemas";
import { requestAddress } from "@/app/lib/auth/request-address";
import { giveTemporaryPassword, temporaryPasswordInput } from "@/app/lib/auth/account-security";
import { requireUser } from "./safe-action";

const classPath = (classId: string) => `/teach/classes/${classId}`;

export const createClassAction = requireUser(createClassInput, async (input, { actor }) => {
  const created = await classes.createClass(actor, input);
  redirect(classPath(created.id));
});

export const renameClassAction = requireUser(renameClassInput, async (input, { actor }) => {
  await classes.renameClass(actor, input);
  revalidatePath(classPath(input.classId));
  return { saved: true as const };
});

export const archiveClassAction = requireUser(archiveClassInput, async (input, { actor }) => {
  await classes.setArchived(actor, input);
  revalidatePath(classPath(input.classId));
  return { saved: true as const };
});

export const setJoinEnabledAction = requireUser(joinEnabledInput, async (input, { actor }) => {
  await classes.setJoinEnabled(actor, input);
  revalidatePath(classPath(input.classId));
  return { saved: true as const };
});

export const regenerateJoinCodeAction = requireUser(classIdInput, async (input, { actor }) => {
  const code = await classes.regenerateJoinCode(actor, input);
  revalidatePath(classPath(input.classId));
  return { code };
});

export const removeLearnerAction = requireUser(memberInput, async (input, { actor }) => {
  await classes.removeLearner(actor, input);
  revalidatePath(classPath(input.classId));
  return { saved: true as const };
});

export const addCoTeacherAction = requireUser(coTeacherInput, async (input, { actor }) => {
  await classes.addCoTeacher(actor, input);
  revalidatePath(classPath(input.classId));
  return { saved: true as const };
});

export const joinClassAction = requireUser(joinCodeInput, async (input, { actor }) => {
  await classes.joinClass(actor, input, await requestAddress());
  redirect("/dashboard?joined=1#assigned");
});

export const leaveClassAction = requireUser(classIdInput, async (input, { actor }) => {
  await classes.leaveClass(actor, input);
  revalidatePath("/dashboard");
  return { saved: true as const };
});

export const createAssignmentAction = requireUser(createAssignmentInput, async (input, { actor }) => {
  const created = await assignments.createAssignment(actor, input);
  redirect(`${classPath(input.classId)}/assignments/${created.id}`);
});

export const closeAssignmentAction = requireUser(closeAssignmentInput, async (input, { actor }) => {
  await assignments.setAssignmentClosed(actor, input);
  revalidatePath(`${classPath(input.classId)}/assignments/${input.assignmentId}`);
  return { saved: true as const };
});

export const startAssignedLessonAction = requireUser(startAssignedInput, async (input, { actor }) => {
  await assignments.startAssignedLesson(actor, input);
  redirect("moduleSlug" in input ? `/modules/${input.moduleSlug}/test` : `/lessons/${input.lessonSlug}/quiz`);
});

export const reviewQuestionAction = requireUser(reviewDecisionInput, async (input, { actor }) => {
  await reviewQuestion(actor, input);
  revalidatePath(`/teach/review/${input.lessonSlug}`);
  return { saved: true as const };
});

export const giveTemporaryPasswordAction = requireUser(temporaryPasswordInput, (input, { actor }) =>
  giveTemporaryPassword(actor, input),
);
