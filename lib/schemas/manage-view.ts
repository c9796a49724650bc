import type { TAuditPage } from "./audit";
import type { TDebateSettings } from "./debate-settings";
import type { TMapTeam } from "./map";
import type { TMember } from "./member";

/** Everything the management page shows. */
export type TManageView = {
  slug: string;
  title: string;
  isOwner: boolean;
  /** The join code only for the owner: moderators do not hand out memberships. */
  settings: TDebateSettings;
  teams: TMapTeam[];
  members: TMember[];
  audit: TAuditPage;
};
