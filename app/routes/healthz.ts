import { checkDatabase } from "~/services/health.server";

/** Public health check for load balancers: answers 200 when the database answers. */
export async function loader() {
  await checkDatabase();
  return new Response("ok", { headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}
