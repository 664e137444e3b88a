import "server-only";
import { headers } from "next/headers";
import { env } from "@/app/lib/env";
import { clientAddress } from "./client-address";

/** The client address of the request being handled (server components and server actions). */
export async function requestAddress(): Promise<string> {
  return clientAddress(await headers(), env.TRUST_PROXY);
}
