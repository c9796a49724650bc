import { ZSignedUp, type TSignUpRequest } from "@/lib/schemas/auth";

import { request } from "./request";

/** POST /api/users: a new account (the same answer when the email already has one). */
export const signUp = (body: TSignUpRequest) => request("POST", "/api/users", ZSignedUp, body);
