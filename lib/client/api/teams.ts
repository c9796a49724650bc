import { ZDeletedTeam, ZTeamAnswer, ZTeamList, type TCreateTeamRequest, type TUpdateTeamRequest } from "@/lib/schemas/team";

import { request } from "./request";

const teamsOf = (slug: string) => `/api/debates/${slug}/teams`;

/** POST …/teams. */
export const createTeam = (slug: string, body: TCreateTeamRequest) => request("POST", teamsOf(slug), ZTeamAnswer, body);

/** PATCH …/teams/{teamId}. */
export const updateTeam = (slug: string, teamId: string, body: TUpdateTeamRequest) => request("PATCH", `${teamsOf(slug)}/${teamId}`, ZTeamAnswer, body);

/** DELETE …/teams/{teamId}: its members stay, without a team. */
export const deleteTeam = (slug: string, teamId: string) => request("DELETE", `${teamsOf(slug)}/${teamId}`, ZDeletedTeam);

/** POST …/teams/swap-sides. */
export const swapTeamSides = (slug: string) => request("POST", `${teamsOf(slug)}/swap-sides`, ZTeamList);
