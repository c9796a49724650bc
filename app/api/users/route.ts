import { ZSignUpRequest } from "@/lib/schemas/auth";
import { route } from "@/lib/server/http";
import { signUp } from "@/lib/server/users/sign-up";

/** POST /api/users: sign up with a display name, an email and a password. */
export const POST = route({ body: ZSignUpRequest, status: 201, isPublic: true }, async ({ body }) => ({ user: await signUp(body) }));
