import { nextAuthRoute } from "@/lib/server/auth/next-auth-route";
import { authOptions } from "@/lib/server/auth/options";

const handler = nextAuthRoute(authOptions);

export { handler as GET, handler as POST };
