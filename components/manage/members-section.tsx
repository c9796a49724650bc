"use client";

import { removeMember, updateMember } from "@/lib/client/api/members";
import { checkedBody } from "@/lib/client/api/request";
import type { TMapTeam } from "@/lib/schemas/map";
import { ASSIGNABLE_ROLES, ZUpdateMemberRequest, type TMember } from "@/lib/schemas/member";
import { ROLE_LABEL } from "@/lib/labels";

import { FormStatus } from "@/components/ui/form-status";

import { ColourSwatch } from "./teams-section";
import { useManageAction } from "./use-manage-action";

/** The members: the owner changes roles and teams and removes people; moderators read the list. */
export function MembersSection({ slug, members, teams, isOwner, isAnonymous }: { slug: string; members: TMember[]; teams: TMapTeam[]; isOwner: boolean; isAnonymous: boolean }) {
  const { run, isBusy, message } = useManageAction();
  const teamById = new Map(teams.map((t) => [t.id, t]));
  const change = (member: TMember, body: { role?: string; teamId?: string | null }, done: string) =>
    void run(() => updateMember(slug, member.userId, checkedBody(ZUpdateMemberRequest, body)), done);

  return (
    <section className="manage__section" aria-labelledby="members-title">
      <h2 id="members-title">Members</h2>
      {isAnonymous && <p>The debate is anonymous: participants and viewers see each other by the name in the “Shown to participants as” column.</p>}
      <table className="manage__table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            {isAnonymous && <th scope="col">Shown to participants as</th>}
            <th scope="col">Role</th>
            <th scope="col">Team</th>
            <th scope="col">Joined</th>
            {isOwner && <th scope="col">Remove</th>}
          </tr>
        </thead>
        <tbody>
          {members.map((m) => {
            const team = m.teamId ? teamById.get(m.teamId) : undefined;
            const canEdit = isOwner && m.role !== "owner";
            return (
              <tr key={m.userId}>
                <th scope="row">{m.name}</th>
                {isAnonymous && <td>{m.shownAs}</td>}
                <td>
                  {canEdit ? (
                    <select aria-label={`Role of ${m.name}`} value={m.role} disabled={isBusy} onChange={(e) => change(m, { role: e.target.value }, `${m.name} is now a ${e.target.value}.`)}>
                      {ASSIGNABLE_ROLES.map((role) => (
                        <option key={role} value={role}>
                          {ROLE_LABEL[role]}
                        </option>
                      ))}
                    </select>
                  ) : (
                    ROLE_LABEL[m.role]
                  )}
                </td>
                <td>
                  {isOwner ? (
                    <select
                      aria-label={`Team of ${m.name}`}
                      value={m.teamId ?? ""}
                      disabled={isBusy}
                      onChange={(e) => {
                        const teamId = e.target.value || null;
                        change(m, { teamId }, teamId ? `${m.name} is now on ${teamById.get(teamId)?.name ?? "the team"}.` : `${m.name} is on no team now.`);
                      }}
                    >
                      <option value="">No team</option>
                      {teams.map((t) => (
                        <option key={t.id} value={t.id}>
                          {t.name}
                        </option>
                      ))}
                    </select>
                  ) : team ? (
                    <>
                      {team.name} (<ColourSwatch hex={team.colour} />)
                    </>
                  ) : (
                    "No team"
                  )}
                </td>
                <td>
                  <time dateTime={m.joinedAt}>{m.joinedAt.slice(0, 10)}</time>
                </td>
                {isOwner && (
                  <td>
                    {canEdit && (
                      <button
                        type="button"
                        className="button button--danger"
                        aria-label={`Remove ${m.name}`}
                        disabled={isBusy}
                        onClick={() => {
                          if (!window.confirm(`Remove ${m.name} from this debate? What they wrote stays on the map.`)) return;
                          void run(() => removeMember(slug, m.userId), `${m.name} is no longer a member.`);
                        }}
                      >
                        Remove
                      </button>
                    )}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
      <FormStatus message={message} />
    </section>
  );
}
