"use client";

import type { TManageView } from "@/lib/schemas/manage-view";

import { AuditLog } from "./audit-log";
import { JoinCodeSection } from "./join-code-section";
import { MembersSection } from "./members-section";
import { SettingsSection } from "./settings-section";
import { TeamsSection } from "./teams-section";

/** The management page: the owner changes everything here; moderators read members, teams and the audit log. */
export function ManageDebate({ view }: { view: TManageView }) {
  const { slug, isOwner } = view;
  return (
    <>
      <h1>Manage “{view.title}”</h1>
      {!isOwner && <p className="manage__notice">You are a moderator: you can see the members, teams and audit log. Only the owner can change them.</p>}
      {isOwner && <JoinCodeSection slug={slug} joinCode={view.settings.joinCode} joinRole={view.settings.joinRole} />}
      <TeamsSection slug={slug} teams={view.teams} isOwner={isOwner} />
      <MembersSection slug={slug} members={view.members} teams={view.teams} isOwner={isOwner} isAnonymous={view.settings.anonymous} />
      {isOwner && <SettingsSection slug={slug} settings={view.settings} />}
      {/* A new first page (after a change) starts the list again. */}
      <AuditLog key={view.audit.entries[0]?.id ?? "empty"} slug={slug} firstPage={view.audit} />
    </>
  );
}
