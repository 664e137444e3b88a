import { z } from "zod";
import { ROLES } from "./roles";
import { normalizeTimeZone } from "./timezones";
import { isCommonPassword } from "./common-passwords";

/**
 * One zod schema per input. Every string is bounded so a request cannot push megabytes into a
 * hash function or the database. Messages are written to be shown next to the field.
 */

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;
export const NAME_MAX = 80;
export const EMAIL_MAX = 254;

export const emailSchema = z
  .string({ error: "Enter your email address." })
  .trim()
  .toLowerCase()
  .min(1, { error: "Enter your email address." })
  .max(EMAIL_MAX, { error: `Email addresses are at most ${EMAIL_MAX} characters.` })
  .pipe(z.email({ error: "Enter a valid email address, like name@example.com." }));

/**
 * A new password, as NIST 800-63B: a length range and not one of the most common passwords
 * (the list shipped in common-passwords.txt); no composition rules.
 */
export const newPasswordSchema = z
  .string({ error: "Choose a password." })
  .min(PASSWORD_MIN, { error: `Use at least ${PASSWORD_MIN} characters.` })
  .max(PASSWORD_MAX, { error: `Use at most ${PASSWORD_MAX} characters.` })
  .refine((password) => !isCommonPassword(password), {
    error: "That password is one of the most common ones, so it is easy to guess. Choose another.",
  });

export const nameSchema = z
  .string({ error: "Enter your name." })
  .trim()
  .min(1, { error: "Enter your name." })
  .max(NAME_MAX, { error: `Names are at most ${NAME_MAX} characters.` })
  .regex(/^[^\p{Cc}\p{Cs}]*$/u, { error: "Names cannot contain control characters." });

export const timezoneSchema = z
  .string({ error: "Choose your timezone." })
  .trim()
  .min(1, { error: "Choose your timezone." })
  .max(64, { error: "Choose a timezone from the list." })
  .transform((value, ctx) => {
    const zone = normalizeTimeZone(value);
    if (!zone) {
      ctx.addIssue({ code: "custom", message: "Choose a timezone from the list." });
      return z.NEVER;
    }
    return zone;
  });

/** An HTML checkbox: "on" when ticked, absent when not. */
export const checkboxSchema = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());

/** A class code carried along from a join link, joined on arrival (validated by the join itself). */
export const arrivalJoinCodeSchema = z.string().trim().min(1).max(20).optional();

export const signUpSchema = z.object({
  name: nameSchema,
  email: emailSchema,
  password: newPasswordSchema,
  timezone: timezoneSchema,
  joinCode: arrivalJoinCodeSchema,
});
export type SignUpInput = z.infer<typeof signUpSchema>;

/** Sign-in only checks bounds; whether the password is right is decided by the hash. */
export const signInSchema = z.object({
  email: emailSchema,
  password: z
    .string({ error: "Enter your password." })
    .min(1, { error: "Enter your password." })
    .max(1024, { error: "That password is too long." }),
});
export type SignInInput = z.infer<typeof signInSchema>;

export const profileSchema = z.object({
  name: nameSchema,
  timezone: timezoneSchema,
  streakOptIn: checkboxSchema,
});
export type ProfileInput = z.infer<typeof profileSchema>;

/** Changing one's own password: the current one proves it is really the account holder. */
export const changePasswordSchema = z.object({
  currentPassword: signInSchema.shape.password,
  newPassword: newPasswordSchema,
});
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

/** The `user:create` CLI: any role, password optional (generated when absent). */
export const userCreateSchema = z.object({
  email: emailSchema,
  name: nameSchema,
  role: z.enum(ROLES, { error: `Role must be one of: ${ROLES.join(", ")}.` }).default("learner"),
  password: newPasswordSchema.optional(),
  timezone: timezoneSchema.default("UTC"),
});
export type UserCreateInput = z.infer<typeof userCreateSchema>;
