// The database client for app code (server components, route handlers, server actions).
// "server-only" makes a client component that imports it fail the build instead of shipping
// database code to the browser. Scripts run under tsx import ./client directly.
import "server-only";

export { prisma, type DbClient, type DbTransaction } from "./client";
