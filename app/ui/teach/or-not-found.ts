import { notFound } from "next/navigation";
import { AppError } from "@/app/lib/errors";

/** Awaits a domain call for a page: a not-found (or not-yours) AppError renders the 404 page. */
export async function orNotFound<T>(pending: Promise<T>): Promise<T> {
  try {
    return await pending;
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}
