"use client";

import { useSyncExternalStore } from "react";

import { updateSettings } from "@/lib/client/api/debates";
import { disableJoinCode, regenerateJoinCode } from "@/lib/client/api/members";
import { checkedBody } from "@/lib/client/api/request";
import { ZDebateSettingsRequest } from "@/lib/schemas/debate-settings";
import { formatJoinCode } from "@/lib/schemas/join";
import { JOIN_ROLES } from "@/lib/schemas/member";
import { ROLE_LABEL } from "@/lib/labels";

import { FormStatus } from "@/components/ui/form-status";

import { useManageAction } from "./use-manage-action";

const subscribeToNothing = () => () => {};

/** The join code and link, with copy buttons; making a new code, turning it off, and the role joiners get. Owner only. */
export function JoinCodeSection({ slug, joinCode, joinRole }: { slug: string; joinCode: string | null; joinRole: string }) {
  const { run, isBusy, message, setMessage } = useManageAction();
  // The link names the address the owner reached this page at; the server cannot know it for certain.
  const origin = useSyncExternalStore(subscribeToNothing, () => window.location.origin, () => "");
  const link = joinCode ? `${origin}/join/${joinCode}` : null;

  async function copy(text: string, what: string) {
    try {
      await navigator.clipboard.writeText(text);
      setMessage(`${what} copied.`);
    } catch {
      setMessage(`The browser did not allow copying. Select the ${what.toLowerCase()} and copy it by hand.`);
    }
  }

  return (
    <section className="manage__section" aria-labelledby="join-title">
      <h2 id="join-title">Join code</h2>
      {joinCode && link ? (
        <>
          <p>Share the code or the link. Whoever opens it while signed in joins this debate.</p>
          <div className="join-code">
            <label htmlFor="join-code-value">Code</label>
            <output id="join-code-value" className="join-code__code">
              {formatJoinCode(joinCode)}
            </output>
            <button type="button" className="button" onClick={() => void copy(joinCode, "Code")}>
              Copy code
            </button>
            <label htmlFor="join-link">Join link</label>
            <input id="join-link" className="join-code__link" readOnly value={link} onFocus={(e) => e.currentTarget.select()} />
            <button type="button" className="button" onClick={() => void copy(link, "Link")}>
              Copy link
            </button>
          </div>
        </>
      ) : (
        <p>Joining by code is off: nobody can join until you make a code.</p>
      )}
      <div className="manage__actions">
        <button
          type="button"
          className="button"
          disabled={isBusy}
          onClick={() => {
            if (joinCode && !window.confirm("Make a new code? The current code and link stop working.")) return;
            void run(() => regenerateJoinCode(slug), joinCode ? "A new code is ready; the previous one no longer works." : "Joining is on.");
          }}
        >
          {joinCode ? "Make a new code" : "Make a join code"}
        </button>
        {joinCode && (
          <button type="button" className="button button--danger" disabled={isBusy} onClick={() => void run(() => disableJoinCode(slug), "Joining by code is off.")}>
            Turn joining off
          </button>
        )}
        <label htmlFor="join-role">People who join become</label>
        <select
          id="join-role"
          value={joinRole}
          disabled={isBusy}
          onChange={(e) => void run(() => updateSettings(slug, checkedBody(ZDebateSettingsRequest, { joinRole: e.target.value })), `People who join now become ${e.target.value}s.`)}
        >
          {JOIN_ROLES.map((role) => (
            <option key={role} value={role}>
              {ROLE_LABEL[role]}s{role === "viewer" ? " (read only)" : " (can add arguments)"}
            </option>
          ))}
        </select>
      </div>
      <FormStatus message={message} />
    </section>
  );
}
