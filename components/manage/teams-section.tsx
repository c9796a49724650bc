"use client";

import { useState, type FormEvent } from "react";

import { checkedBody } from "@/lib/client/api/request";
import { createTeam, deleteTeam, swapTeamSides, updateTeam } from "@/lib/client/api/teams";
import { fieldErrorsOf } from "@/lib/errors";
import { PERSPECTIVES, type TPerspective } from "@/lib/schemas/domain";
import type { TMapTeam } from "@/lib/schemas/map";
import { TEAM_COLOURS, ZCreateTeamRequest, ZUpdateTeamRequest, colourName } from "@/lib/schemas/team";
import { swapSides } from "@/lib/teams/swap-sides";
import { TEAM_STANCE } from "@/lib/teams/team-stance";

import { DialogActions, ModalDialog } from "@/components/ui/modal-dialog";
import { FieldError } from "@/components/ui/field-error";
import { FormStatus } from "@/components/ui/form-status";

import { useManageAction } from "./use-manage-action";

/** A colour shown as a swatch with its name in text. */
export function ColourSwatch({ hex }: { hex: string }) {
  return (
    <span className="colour-swatch">
      <span className="colour-swatch__chip" style={{ backgroundColor: hex }} aria-hidden="true" />
      {colourName(hex)}
    </span>
  );
}

function TeamSummary({ team }: { team: TMapTeam }) {
  return (
    <>
      <strong>{team.name}</strong> · <ColourSwatch hex={team.colour} /> · {TEAM_STANCE[team.perspective]}
    </>
  );
}

function TeamFields({ idPrefix, team, errors }: { idPrefix: string; team?: TMapTeam; errors: Record<string, string[]> }) {
  const [colour, setColour] = useState<string>(team?.colour ?? TEAM_COLOURS[0].hex);
  return (
    <>
      <div className="field">
        <label htmlFor={`${idPrefix}-name`}>Name</label>
        <input id={`${idPrefix}-name`} name="name" defaultValue={team?.name} maxLength={40} aria-describedby={`${idPrefix}-name-error`} aria-invalid={!!errors.name} />
        <FieldError id={`${idPrefix}-name-error`} messages={errors.name} />
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-colour`}>Colour</label>
        <span className="team-fields__colour">
          <select id={`${idPrefix}-colour`} name="colour" value={colour} onChange={(e) => setColour(e.target.value)}>
            {TEAM_COLOURS.map((c) => (
              <option key={c.hex} value={c.hex}>
                {c.name}
              </option>
            ))}
          </select>
          <span className="colour-swatch__chip" style={{ backgroundColor: colour }} aria-hidden="true" />
        </span>
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-perspective`}>Assigned perspective</label>
        <select id={`${idPrefix}-perspective`} name="perspective" defaultValue={team?.perspective ?? "armenian"} aria-describedby={`${idPrefix}-perspective-error`}>
          {PERSPECTIVES.map((p) => (
            <option key={p} value={p}>
              {TEAM_STANCE[p].replace(/^./, (c) => c.toUpperCase())}
            </option>
          ))}
        </select>
        <FieldError id={`${idPrefix}-perspective-error`} messages={errors.perspective} />
      </div>
    </>
  );
}

const formValues = (form: HTMLFormElement) => {
  const data = new FormData(form);
  return { name: data.get("name"), colour: data.get("colour"), perspective: data.get("perspective") };
};

type Action = ReturnType<typeof useManageAction> & { errorsFor: (form: string) => Record<string, string[]>; runFrom: (form: string, change: () => Promise<unknown>, done: string) => Promise<boolean> };

/** One team, editable by the owner. */
function TeamRow({ slug, team, action }: { slug: string; team: TMapTeam; action: Action }) {
  const { runFrom, isBusy, errorsFor } = action;
  const idPrefix = `team-${team.id}`;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void runFrom(idPrefix, () => updateTeam(slug, team.id, checkedBody(ZUpdateTeamRequest, formValues(event.currentTarget))), `${team.name} saved.`);
  }

  return (
    <li className="team-card">
      <form onSubmit={onSubmit} aria-label={`Edit ${team.name}`} noValidate>
        <p className="team-card__summary">
          <TeamSummary team={team} />
        </p>
        <div className="team-card__fields">
          <TeamFields idPrefix={idPrefix} team={team} errors={errorsFor(idPrefix)} />
        </div>
        <div className="manage__actions">
          <button type="submit" className="button button--primary" disabled={isBusy}>
            Save team
          </button>
          <button
            type="button"
            className="button button--danger"
            disabled={isBusy}
            onClick={() => {
              if (!window.confirm(`Delete ${team.name}? Its members stay in the debate without a team; what they wrote stays on the map.`)) return;
              void runFrom(idPrefix, () => deleteTeam(slug, team.id), `${team.name} deleted.`);
            }}
          >
            Delete team
          </button>
        </div>
      </form>
    </li>
  );
}

function NewTeamForm({ slug, action }: { slug: string; action: Action }) {
  const { runFrom, isBusy, errorsFor } = action;
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [formKey, setFormKey] = useState(0);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = ZCreateTeamRequest.safeParse(formValues(event.currentTarget));
    if (!parsed.success) return setErrors(fieldErrorsOf(parsed.error.issues));
    setErrors({});
    // A fresh form for the next team once this one is made.
    if (await runFrom("new-team", () => createTeam(slug, parsed.data), `${parsed.data.name} created.`)) setFormKey((k) => k + 1);
  }

  return (
    <form className="team-card team-card--new" onSubmit={onSubmit} aria-labelledby="new-team-title" noValidate>
      <h3 id="new-team-title">New team</h3>
      <div className="team-card__fields" key={formKey}>
        <TeamFields idPrefix="new-team" errors={{ ...errorsFor("new-team"), ...errors }} />
      </div>
      <button type="submit" className="button button--primary" disabled={isBusy}>
        Add team
      </button>
    </form>
  );
}

function SwapSides({ slug, teams, action }: { slug: string; teams: TMapTeam[]; action: Action }) {
  const { runFrom, isBusy } = action;
  const [isAsking, setAsking] = useState(false);
  const changes = new Map(swapSides(teams).map((c) => [c.team.id, c.perspective]));

  return (
    <div className="swap-sides">
      <button type="button" className="button" disabled={isBusy || changes.size === 0} onClick={() => setAsking(true)}>
        Swap sides…
      </button>
      {changes.size === 0 && <span className="manage__hint"> No team argues a side yet.</span>}
      {isAsking && (
        <ModalDialog labelledBy="swap-title" onClose={() => setAsking(false)}>
          <form
            onSubmit={(event) => {
              event.preventDefault();
              setAsking(false);
              void runFrom("swap", () => swapTeamSides(slug), "Sides swapped.");
            }}
          >
            <h2 id="swap-title">Swap sides for the next round?</h2>
            <p>Teams keep their members and names; what they wrote keeps its team.</p>
            <ul>
              {teams.map((t) => {
                const next: TPerspective = changes.get(t.id) ?? t.perspective;
                return (
                  <li key={t.id}>
                    <strong>{t.name}</strong> {changes.has(t.id) ? `will ${TEAM_STANCE[next].replace(/^argues/, "argue")} (now ${TEAM_STANCE[t.perspective]})` : `still ${TEAM_STANCE[next]}`}
                  </li>
                );
              })}
            </ul>
            <DialogActions onCancel={() => setAsking(false)} submitLabel="Swap sides" isBusy={isBusy} />
          </form>
        </ModalDialog>
      )}
    </div>
  );
}

/** The debate's teams: the owner creates, edits, deletes and swaps them; moderators read them. */
export function TeamsSection({ slug, teams, isOwner }: { slug: string; teams: TMapTeam[]; isOwner: boolean }) {
  const manage = useManageAction();
  const [activeForm, setActiveForm] = useState<string | null>(null);
  // One status line for the section; field errors go to the form that was sent.
  const action: Action = {
    ...manage,
    errorsFor: (form) => (form === activeForm ? manage.fieldErrors : {}),
    runFrom: (form, change, done) => {
      setActiveForm(form);
      return manage.run(change, done);
    },
  };
  return (
    <section className="manage__section" aria-labelledby="teams-title">
      <h2 id="teams-title">Teams</h2>
      <p>Each team argues the case it is assigned, or adjudicates as neutral. Statements show their author&apos;s team.</p>
      {teams.length === 0 && <p>No teams yet.</p>}
      {isOwner ? (
        <>
          <ul className="team-list">
            {teams.map((team) => (
              // Keyed by content too, so a saved or swapped team shows the server's values.
              <TeamRow key={`${team.id}-${team.name}-${team.colour}-${team.perspective}`} slug={slug} team={team} action={action} />
            ))}
          </ul>
          <SwapSides slug={slug} teams={teams} action={action} />
          <NewTeamForm slug={slug} action={action} />
          <FormStatus message={manage.message} />
        </>
      ) : (
        <ul className="team-list">
          {teams.map((team) => (
            <li key={team.id} className="team-card">
              <TeamSummary team={team} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
