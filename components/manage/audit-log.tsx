"use client";

import { useState } from "react";

import { describeAudit } from "@/lib/audit-wording";
import { getAuditPage } from "@/lib/client/api/audit";
import type { TAuditEntry, TAuditPage } from "@/lib/schemas/audit";

import { FormStatus } from "@/components/ui/form-status";

/** Times in one fixed form, the same on the server and in every browser. */
const TIME = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** Who did what and when, newest first, with older pages on request. For the owner and moderators. */
export function AuditLog({ slug, firstPage }: { slug: string; firstPage: TAuditPage }) {
  const [older, setOlder] = useState<TAuditEntry[]>([]);
  const [nextBefore, setNextBefore] = useState(firstPage.nextBefore);
  const [isBusy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const entries = [...firstPage.entries, ...older];

  async function loadOlder() {
    if (!nextBefore) return;
    setBusy(true);
    try {
      const page = await getAuditPage(slug, nextBefore);
      setOlder((o) => [...o, ...page.entries]);
      setNextBefore(page.nextBefore);
      setMessage(null);
    } catch (error) {
      setMessage(error instanceof Error ? error.message : "The older entries could not be loaded.");
    }
    setBusy(false);
  }

  return (
    <section className="manage__section" aria-labelledby="audit-title">
      <h2 id="audit-title">Audit log</h2>
      <p>Moderation and membership actions, newest first. Times are in UTC.</p>
      {entries.length === 0 ? (
        <p>Nothing yet.</p>
      ) : (
        <table className="manage__table audit-log">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
              <th scope="col">Detail</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => {
              const words = describeAudit(e.action, e.detail);
              return (
                <tr key={e.id}>
                  <td>
                    <time dateTime={e.createdAt}>{TIME.format(new Date(e.createdAt))}</time>
                  </td>
                  <td>{e.actorName ?? "Someone whose account is gone"}</td>
                  <td>{words.summary}</td>
                  <td>{words.detail}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {nextBefore && (
        <button type="button" className="button" onClick={() => void loadOlder()} disabled={isBusy}>
          {isBusy ? "Loading…" : "Show older entries"}
        </button>
      )}
      <FormStatus message={message} />
    </section>
  );
}
