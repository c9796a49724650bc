import { findDebates } from "@/lib/server/debates/find-debates";
import { route } from "@/lib/server/http";

/** GET /api/debates: the debates anyone may read. */
export const GET = route({}, async () => ({ debates: await findDebates() }));
