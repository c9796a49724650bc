"use client";

import type { FormEvent } from "react";

import { updateSettings } from "@/lib/client/api/debates";
import { checkedBody } from "@/lib/client/api/request";
import { ZDebateSettingsRequest, type TDebateSettings } from "@/lib/schemas/debate-settings";

import { FormStatus, SubmitButton } from "@/components/ui/form-status";

import { useManageAction } from "./use-manage-action";

const MODES = [
  { value: "open", label: "Open", hint: "contributions appear on the map at once" },
  { value: "premoderated", label: "Pre-moderated", hint: "a moderator approves each contribution before others see it" },
] as const;

const PHASES = [
  { value: "open", label: "Open", hint: "members add to the map" },
  { value: "closed", label: "Closed", hint: "read-only for everyone but you" },
  { value: "archived", label: "Archived", hint: "read-only for everyone, you included; nobody new can join" },
] as const;

type Choice = { value: string; label: string; hint: string };

/** Radio buttons, each with its meaning, the saved one checked. */
function Choices({ legend, name, choices, saved }: { legend: string; name: string; choices: readonly Choice[]; saved: string }) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      {choices.map((c) => (
        <label key={c.value}>
          <input type="radio" name={name} value={c.value} defaultChecked={saved === c.value} /> <strong>{c.label}</strong>: {c.hint}
        </label>
      ))}
    </fieldset>
  );
}

/** Moderation mode, anonymity and phase, saved together. Owner only. */
export function SettingsSection({ slug, settings }: { slug: string; settings: TDebateSettings }) {
  const { run, isBusy, message } = useManageAction();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const body = { moderationMode: form.get("moderationMode"), phase: form.get("phase"), anonymous: form.get("anonymous") === "on" };
    void run(() => updateSettings(slug, checkedBody(ZDebateSettingsRequest, body)), "Settings saved.");
  }

  return (
    <section className="manage__section" aria-labelledby="settings-title">
      <h2 id="settings-title">Settings</h2>
      {/* Keyed by the saved values, so the form shows them again after a save. */}
      <form key={`${settings.moderationMode}-${settings.phase}-${settings.anonymous}`} className="settings-form" onSubmit={onSubmit}>
        <Choices legend="Contributions" name="moderationMode" choices={MODES} saved={settings.moderationMode} />
        <fieldset>
          <legend>Names</legend>
          <label>
            <input type="checkbox" name="anonymous" defaultChecked={settings.anonymous} /> <strong>Anonymous</strong>: participants and viewers see each other as team pseudonyms (“Team A 2”); you and the moderators see names
          </label>
        </fieldset>
        <Choices legend="Phase" name="phase" choices={PHASES} saved={settings.phase} />
        <FormStatus message={message} />
        <SubmitButton label="Save settings" busyLabel="Saving…" isBusy={isBusy} />
      </form>
    </section>
  );
}
