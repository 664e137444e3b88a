"use server";
/** Server actions for the admin's user list (through the shared wrapper; the domain checks the role). */
import { revalidatePath } from "next/cache";
import { adminSetRole, setRoleInput } from "@/app/lib/auth/admin";
import { requireUser } from "./safe-action";

export const setRoleAction = requireUser(setRoleInput, async (input, { actor }) => {
  await adminSetRole(actor, input);
  revalidatePath("/admin/users");
  return { saved: true as const };
});
