import "server-only";
/**
 * The one wrapper for JSON route handlers (the route-handler twin of the server-action wrapper
 * in app/lib/actions/safe-action.ts). For every request it:
 * 1. refuses cross-site writes (an Origin header must match the Host: a page on another site
 *    must not drive a learner's session with their cookies; non-browser clients send none);
 * 2. resolves the actor (session user or guest cookie) and applies the `actor` mode and `roles`
 *    before reading any input (401/403);
 * 3. zod-parses the route params, the query string and a bounded JSON body (400, 413, 415);
 * 4. runs the handler and answers `{ ok: true, data }`, or `{ ok: false, code, error,
 *    fieldErrors? }` with the AppError's status (anything else: logged, 500, generic message).
 *
 * Usage (a handler is a few lines; it calls one domain function, which throws AppError):
 *
 *   export const POST = withActor(
 *     { actor: "requireUser", roles: ["teacher", "admin"], body: createClassInput },
 *     async ({ actor, body }) => created(await createClass(actor, body)),
 *   );
 */
import { unstable_rethrow } from "next/navigation";
import { NextResponse } from "next/server";
import type { z } from "zod";
import { actorAfterInput, actorBeforeInput, type ActorFor, type ActorMode } from "@/app/lib/auth/actor";
import type { Role } from "@/app/lib/auth/roles";
import { AppError, invalidInput, toAppError } from "@/app/lib/errors";

/** Route handlers refuse bodies larger than this before parsing, unless a route sets its own cap. */
export const MAX_BODY_BYTES = 16 * 1024;

/** Every answer depends on the caller's cookies: never cached, not even by the browser. */
const NO_STORE = { "cache-control": "private, no-store", vary: "Cookie" };

/** A success response with another status than 200 (e.g. 201 for something created). */
export function json(data: unknown, status = 200): NextResponse {
  return NextResponse.json({ ok: true, data }, { status, headers: NO_STORE });
}

export const created = (data: unknown): NextResponse => json(data, 201);

export function errorResponse(error: AppError): NextResponse {
  const headers =
    error.retryAfterSeconds === undefined
      ? NO_STORE
      : { ...NO_STORE, "retry-after": String(error.retryAfterSeconds) };
  return NextResponse.json({ ok: false, ...error.toJSON() }, { status: error.status, headers });
}

type Schema = z.ZodType | undefined;
type Parsed<S extends Schema> = S extends z.ZodType ? z.output<S> : undefined;

export interface RouteOptions<M extends ActorMode, B extends Schema, P extends Schema, Q extends Schema> {
  actor: M;
  /** With requireUser: only these roles may call the route. */
  roles?: readonly Role[];
  /** The JSON body (an empty body reads as `{}`); without it the body is not read. */
  body?: B;
  /** The dynamic route segments, e.g. `z.object({ attemptId: attemptIdSchema })`. */
  params?: P;
  /** The query string, as an object of its (last) values. */
  query?: Q;
  maxBodyBytes?: number;
}

export interface RouteInput<M extends ActorMode, B extends Schema, P extends Schema, Q extends Schema> {
  request: Request;
  actor: ActorFor<M>;
  body: Parsed<B>;
  params: Parsed<P>;
  query: Parsed<Q>;
}

/** What Next passes as the second argument of a route handler. */
export interface RouteContext {
  params: Promise<Record<string, string | string[] | undefined>>;
}

export function withActor<
  M extends ActorMode,
  B extends Schema = undefined,
  P extends Schema = undefined,
  Q extends Schema = undefined,
>(
  options: RouteOptions<M, B, P, Q>,
  /** Returns (or resolves to) the `data` of a 200 answer, or a Response (e.g. `created(data)`). */
  handler: (input: RouteInput<M, B, P, Q>) => unknown,
): (request: Request, context: RouteContext) => Promise<Response> {
  return async (request, context) => {
    try {
      if (!SAFE_METHODS.has(request.method) && !sameOrigin(request))
        throw new AppError("forbidden", "Cross-site requests are not allowed.");
      const early = await actorBeforeInput(options.actor, options.roles);
      const params = await parseWith(options.params, await context.params);
      const query = await parseWith(
        options.query,
        options.query ? Object.fromEntries(new URL(request.url).searchParams) : undefined,
      );
      const body = options.body
        ? await parseWith(options.body, await readJsonObject(request, options.maxBodyBytes ?? MAX_BODY_BYTES))
        : undefined;
      const actor = await actorAfterInput(options.actor, early);
      // parseWith returns undefined exactly when its schema is undefined, which is what Parsed<> says.
      const result = await handler({
        request,
        actor,
        body: body as Parsed<B>,
        params: params as Parsed<P>,
        query: query as Parsed<Q>,
      });
      return result instanceof Response ? result : json(result);
    } catch (error) {
      unstable_rethrow(error);
      const appError = toAppError(error);
      if (appError.code === "internal")
        console.error(`${request.method} ${new URL(request.url).pathname} failed`, error);
      return errorResponse(appError);
    }
  };
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function sameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return true;
  try {
    return new URL(origin).host === request.headers.get("host");
  } catch {
    return false;
  }
}

async function parseWith(schema: Schema, value: unknown): Promise<unknown> {
  if (!schema) return undefined;
  const parsed = await schema.safeParseAsync(value);
  if (!parsed.success) throw invalidInput(parsed.error);
  return parsed.data;
}

async function readJsonObject(request: Request, limit: number): Promise<object> {
  const empty = request.body === null || request.headers.get("content-length") === "0";
  if (!empty && !/^application\/json\b/i.test(request.headers.get("content-type") ?? ""))
    throw new AppError("unsupported_media_type", "Send the body as application/json.");
  const text = await readBounded(request, limit);
  if (text === null) throw new AppError("payload_too_large", `The body is larger than ${limit} bytes.`);
  let value: unknown;
  try {
    value = text === "" ? {} : JSON.parse(text);
  } catch {
    throw new AppError("bad_request", "The body is not valid JSON.");
  }
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw new AppError("bad_request", "The body must be a JSON object.");
  return value;
}

/** The body as text, or null once it exceeds `limit` bytes (declared or actually sent). */
async function readBounded(request: Request, limit: number): Promise<string | null> {
  if (Number(request.headers.get("content-length") ?? "0") > limit) return null;
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}
