/** One zod schema per teacher-side input; shared by the server actions and the JSON API. */
import { z } from "zod";

export const idSchema = z
  .string()
  .min(8)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, "Not an id.");

export const classNameSchema = z
  .string()
  .trim()
  .min(1, "Give the class a name.")
  .max(120, "At most 120 characters.");

export const createClassInput = z.strictObject({ name: classNameSchema });
export const classIdInput = z.strictObject({ classId: idSchema });
export const renameClassInput = z.strictObject({ classId: idSchema, name: classNameSchema });
export const archiveClassInput = z.strictObject({
  classId: idSchema,
  archived: z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")]),
});
export const joinEnabledInput = z.strictObject({
  classId: idSchema,
  enabled: z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")]),
});
export const memberInput = z.strictObject({ classId: idSchema, userId: idSchema });
export const coTeacherInput = z.strictObject({ classId: idSchema, email: z.email().max(254) });
export const joinCodeInput = z.strictObject({
  code: z.string().trim().min(1, "Enter the class code.").max(20),
});
