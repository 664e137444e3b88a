import { NextResponse } from "next/server";

export const dynamic = "force-dynamic";

/** Liveness probe for load balancers and the Playwright web server. */
export function GET() {
  return NextResponse.json({ ok: true });
}
