import { ZDashboard } from "@/lib/schemas/dashboard";

import { request } from "./request";

/** GET …/dashboard: contributions by team, perspective and person. */
export const getDashboard = (slug: string) => request("GET", `/api/debates/${slug}/dashboard`, ZDashboard);
