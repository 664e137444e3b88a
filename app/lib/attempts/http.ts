import "server-only";
/**
 * Shared plumbing for the /api/attempts route handlers: bounded JSON bodies, a same-origin
 * check for cookie-authenticated writes, and one mapping from domain failures to status codes.
 */
import { NextResponse } from "next/server";
import type { z } from "zod";
import { MAX_BODY_BYTES } from "./schemas";
import type { QuizFailure, QuizFailureCode } from "./views";

const STATUS: Record<QuizFailureCode, number> = {
  invalid: 400,
  unauthenticated: 401,
  not_found: 404,
  closed: 409,
  no_questions: 409,
  conflict: 409,
};

export function errorResponse(status: number, error: string, fieldErrors?: Record<string, string[]>) {
  return NextResponse.json(fieldErrors ? { ok: false, error, fieldErrors } : { ok: false, error }, {
    status,
    headers: { "cache-control": "no-store" },
  });
}

export function failureResponse(failure: QuizFailure) {
  return errorResponse(STATUS[failure.code], failure.error, failure.fieldErrors);
}

export function okResponse<T extends object>(data: T, status = 200) {
  return NextResponse.json({ ok: true, data }, { status, headers: { "cache-control": "no-store" } });
}

function zodFieldErrors(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.map(String).join(".") : "_form";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/**
 * A browser on another site must not be able to drive a learner's quiz with their cookies:
 * when an Origin header is present it must match the Host. (Non-browser clients send none.)
 */
function sameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return true;
  try {
    return new URL(origin).host === request.headers.get("host");
  } catch {
    return false;
  }
}

async function readBounded(request: Request, limit: number): Promise<string | null> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) return null;
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** Parse a JSON body with `schema`; on failure, the 4xx response to return instead. */
export async function readJsonBody<S extends z.ZodType>(
  request: Request,
  schema: S,
  extra: Record<string, unknown> = {},
): Promise<{ ok: true; data: z.output<S> } | { ok: false; response: NextResponse }> {
  if (!sameOrigin(request))
    return { ok: false, response: errorResponse(403, "Cross-site requests are not allowed.") };
  const type = request.headers.get("content-type") ?? "";
  const empty = request.body === null || request.headers.get("content-length") === "0";
  if (!empty && !/^application\/json\b/i.test(type)) {
    return { ok: false, response: errorResponse(415, "Send the body as application/json.") };
  }
  const text = await readBounded(request, MAX_BODY_BYTES);
  if (text === null)
    return { ok: false, response: errorResponse(413, `The body is larger than ${MAX_BODY_BYTES} bytes.`) };
  let json: unknown;
  try {
    json = text === "" ? {} : JSON.parse(text);
  } catch {
    return { ok: false, response: errorResponse(400, "The body is not valid JSON.") };
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    return { ok: false, response: errorResponse(400, "The body must be a JSON object.") };
  }
  const parsed = await schema.safeParseAsync({ ...json, ...extra });
  if (!parsed.success)
    return {
      ok: false,
      response: errorResponse(400, "Please correct the highlighted fields.", zodFieldErrors(parsed.error)),
    };
  return { ok: true, data: parsed.data };
}
