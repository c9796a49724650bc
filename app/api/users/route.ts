import { ZSignUpRequest, type TSignedUp } from "@/lib/schemas/auth";
import { requestClientAddress } from "@/lib/server/client-address";
import { route } from "@/lib/server/http";
import { signUp } from "@/lib/server/users/sign-up";

/**
 * POST /api/users: sign up with a display name, an email and a password. Answers 201 with the name
 * and email whether or not the email already had an account (see lib/server/users/sign-up.ts).
 */
export const POST = route({ body: ZSignUpRequest, status: 201, isPublic: true }, async ({ request, body }): Promise<TSignedUp> => ({ user: await signUp(body, requestClientAddress(request.headers)) }));
