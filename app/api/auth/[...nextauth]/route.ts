import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authOptions } from "@/app/lib/auth/options";
import { retryAfterOf, throttleMessage } from "@/app/lib/auth/throttle-message";
import { AppError } from "@/app/lib/errors";

type Context = { params: Promise<{ nextauth: string[] }> };

/** next-auth's route handler (its typings say `any`; it returns a Response). */
async function handler(request: NextRequest, context: Context): Promise<Response> {
  const response: unknown = await NextAuth(request, context, authOptions);
  if (!(response instanceof Response)) throw new Error("next-auth did not return a Response");
  return response;
}

/**
 * next-auth answers every refused credentials sign-in with 401 and the error in a URL. A
 * throttled one becomes a 429 with Retry-After and a readable message, so API clients and
 * proxies see what happened; the body keeps the `url` next-auth's client reads.
 */
async function post(request: NextRequest, context: Context): Promise<Response> {
  const response = await handler(request, context);
  if (response.status !== 401 || !response.headers.get("content-type")?.includes("application/json"))
    return response;
  const body: unknown = await response.clone().json();
  const url =
    typeof body === "object" && body && "url" in body && typeof body.url === "string" ? body.url : "";
  const retryAfter = url ? retryAfterOf(new URL(url, "http://localhost").searchParams.get("error")) : null;
  if (!retryAfter) return response;
  const error = new AppError("too_many_requests", throttleMessage(retryAfter));
  const headers = new Headers(response.headers);
  headers.delete("content-length");
  headers.set("retry-after", String(retryAfter));
  headers.set("cache-control", "no-store");
  return Response.json({ ok: false, ...error.toJSON(), url }, { status: error.status, headers });
}

export { handler as GET, post as POST };
