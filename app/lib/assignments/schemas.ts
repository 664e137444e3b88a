/** The assignment form and its JSON twin: one schema (FormData strings and JSON values both parse). */
import { z } from "zod";
import { isValidTimeZone } from "@/app/lib/auth/timezones";
import { idSchema } from "@/app/lib/classes/schemas";

const slug = z
  .string()
  .max(120)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Not a lesson or module.");
const localDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "Pick a date and a time.");
const checkbox = z.union([z.boolean(), z.literal("on").transform(() => true)]).default(false);

const assignmentFields = z.strictObject({
  classId: idSchema,
  title: z.string().trim().max(120, "At most 120 characters.").default(""),
  kind: z.enum(["module", "lessons", "test"], {
    error: "Choose the whole module, some lessons or the module test.",
  }),
  moduleSlug: slug,
  lessonSlugs: z.preprocess((v) => (typeof v === "string" ? [v] : v), z.array(slug).max(50)).optional(),
  opensAt: z.preprocess((v) => (v === "" ? undefined : v), localDateTime.optional()),
  dueAt: localDateTime,
  timezone: z.string().max(64).refine(isValidTimeZone, "Not a timezone."),
  passMark: z.coerce.number().int("A whole number.").min(0).max(100),
  questionsPerQuiz: z.coerce.number().int("A whole number.").min(1).max(30),
  attemptsAllowed: z.enum(["1", "3", "unlimited"]),
  counting: z.enum(["best", "latest"]),
  reviewedOnly: checkbox,
});

function lessonsChosen(v: { kind: string; lessonSlugs?: string[] }, ctx: z.RefinementCtx) {
  if (v.kind === "lessons" && !v.lessonSlugs?.length)
    ctx.addIssue({ code: "custom", path: ["lessonSlugs"], message: "Choose at least one lesson." });
}

export const createAssignmentInput = assignmentFields.superRefine(lessonsChosen);
/** The JSON API's body: the class comes from the URL. */
export const createAssignmentBody = assignmentFields.omit({ classId: true }).superRefine(lessonsChosen);
export type CreateAssignmentInput = z.output<typeof createAssignmentInput>;

export const assignmentRefInput = z.strictObject({ classId: idSchema, assignmentId: idSchema });
export const closeAssignmentInput = z.strictObject({
  classId: idSchema,
  assignmentId: idSchema,
  closed: z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")]),
});
/** Start a lesson's quiz ({ lessonSlug }) or the module test ({ moduleSlug }) of an assignment. */
export const startAssignedInput = z.union([
  z.strictObject({ assignmentId: idSchema, lessonSlug: slug }),
  z.strictObject({ assignmentId: idSchema, moduleSlug: slug }),
]);
