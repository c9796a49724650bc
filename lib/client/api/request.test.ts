import { afterEach, describe, expect, it, vi } from "vitest";

import type { TCreateNodeRequest } from "@/lib/schemas/node";

import { ApiError } from "./api-error";
import { getMap } from "./debates";
import { createNode, deleteNode, updateNode } from "./nodes";
import { createTeam } from "./teams";

// A statement as the map sends it.
const NODE = {
  id: "5b0f6a38-9a4e-4a59-9d7a-2f4c1f0b8a11", kind: "rebuttal", text: "The road was open to humanitarian convoys.", attributedTo: null, anchor: null, sourceIds: [],
  status: "approved", authorId: null, teamId: null, teamSide: null, rejectionReason: null, version: 1,
};
const REBUTTAL: TCreateNodeRequest = { kind: "rebuttal", text: NODE.text, link: { type: "attacks", targetId: NODE.id }, sources: [] };

/** The next fetch answers with this status and body (a string is sent as it is, anything else as JSON). */
function answer(status: number, body: unknown) {
  const fetch = vi.fn(async () => new Response(typeof body === "string" ? body : JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } }));
  vi.stubGlobal("fetch", fetch);
  return fetch;
}

async function refusalOf(call: Promise<unknown>): Promise<ApiError> {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`);
  return error;
}

afterEach(() => vi.unstubAllGlobals());

describe("an answer of the expected shape", () => {
  it("is returned as it was sent, after the request the endpoint expects", async () => {
    const sent = { node: NODE, relations: [], sources: [], addedLater: "a field this page does not read yet" };
    const fetch = answer(201, sent);
    await expect(createNode("lachin", REBUTTAL)).resolves.toStrictEqual(sent);
    expect(fetch).toHaveBeenCalledWith("/api/debates/lachin/nodes", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(REBUTTAL) });
  });

  it("carries the version in the address of a deletion, with no body", async () => {
    const fetch = answer(200, { deletedNodeId: NODE.id, deletedRelationIds: [] });
    await deleteNode("lachin", NODE.id, 3);
    expect(fetch).toHaveBeenCalledWith(`/api/debates/lachin/nodes/${NODE.id}?version=3`, { method: "DELETE", headers: undefined, body: undefined });
  });
});

describe("an answer of another shape", () => {
  it("is refused with an error that names the endpoint and the field", async () => {
    answer(200, { ...NODE, version: "2" });
    const error = await refusalOf(updateNode("lachin", NODE.id, { text: NODE.text, version: 1 }));
    expect(error.code).toBe("UNEXPECTED_ANSWER");
    expect(error.status).toBe(200);
    expect(error.message).toContain(`PATCH /api/debates/lachin/nodes/${NODE.id}`);
    expect(error.message).toContain("version");
  });

  it("is refused when a nested field is missing", async () => {
    answer(201, { node: { ...NODE, status: undefined }, relations: [], sources: [] });
    const error = await refusalOf(createNode("lachin", REBUTTAL));
    expect(error.code).toBe("UNEXPECTED_ANSWER");
    expect(error.message).toContain("node.status");
  });

  it("is refused when the whole document is of another kind", async () => {
    answer(200, { debates: [] });
    const error = await refusalOf(getMap("lachin"));
    expect(error.code).toBe("UNEXPECTED_ANSWER");
    expect(error.message).toContain("GET /api/debates/lachin");
  });

  it("is refused when it is not JSON at all", async () => {
    answer(200, "<html>a proxy's page</html>");
    expect((await refusalOf(getMap("lachin"))).code).toBe("UNEXPECTED_ANSWER");
  });
});

describe("a refusal", () => {
  it("keeps the server's status, code, message and field errors", async () => {
    answer(422, { code: "VALIDATION", message: "Some fields need attention.", fieldErrors: { name: ["Name the team."] } });
    const error = await refusalOf(createTeam("lachin", { name: "", colour: "#B42318", perspective: "neutral" }));
    expect({ status: error.status, code: error.code, message: error.message, fieldErrors: error.fieldErrors }).toEqual({
      status: 422,
      code: "VALIDATION",
      message: "Some fields need attention.",
      fieldErrors: { name: ["Name the team."] },
    });
  });

  it("keeps the current record of a conflict", async () => {
    answer(409, { code: "CONFLICT", message: "Someone else changed it.", current: { ...NODE, version: 2 } });
    const error = await refusalOf(updateNode("lachin", NODE.id, { text: NODE.text, version: 1 }));
    expect(error.code).toBe("CONFLICT");
    expect(error.current).toEqual({ ...NODE, version: 2 });
  });

  it("without the API's error body says the status", async () => {
    answer(502, "Bad gateway");
    const error = await refusalOf(getMap("lachin"));
    expect({ status: error.status, code: error.code, message: error.message }).toEqual({ status: 502, code: "INTERNAL", message: "The server answered 502." });
  });

  it("when the server cannot be reached has status 0", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => Promise.reject(new TypeError("Failed to fetch"))));
    const error = await refusalOf(getMap("lachin"));
    expect(error.status).toBe(0);
    expect(error.message).toMatch(/could not be reached/);
  });
});
