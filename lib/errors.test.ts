import { describe, expect, it } from "vitest";

import { ZCreateNodeRequest } from "@/lib/schemas/node";

import { fieldErrorsOf } from "./errors";

describe("fieldErrorsOf", () => {
  it("keys each message by its field's path, and what belongs to no field by _", () => {
    expect(
      fieldErrorsOf([
        { path: ["sources", 0, "url"], message: "Enter the web address." },
        { path: ["sources", 0, "url"], message: "It starts with https://." },
        { path: [], message: "Say what to change." },
      ]),
    ).toEqual({ "sources.0.url": ["Enter the web address.", "It starts with https://."], _: ["Say what to change."] });
  });

  it("reads zod's own issues", () => {
    const parsed = ZCreateNodeRequest.safeParse({ kind: "rebuttal", text: "no", sources: [] });
    expect(parsed.success).toBe(false);
    expect(Object.keys(fieldErrorsOf(parsed.error!.issues)).sort()).toEqual(["link", "sources", "text"]);
  });
});
