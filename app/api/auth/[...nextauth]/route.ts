import NextAuth from "next-auth";
import { authOptions } from "@/app/lib/auth/options";

// next-auth 4 types its App Router handler as `any`; it is a (request, context) route handler.
// eslint-disable-next-line @typescript-eslint/no-unsafe-assignment
const handler: (request: Request, context: unknown) => Promise<Response> = NextAuth(authOptions);

export { handler as GET, handler as POST };
