import { describe, expect, it } from "vitest";

import { teamSideWords } from "./team-stance";

describe("teamSideWords", () => {
  it("names the case once while the team still argues it", () => {
    expect(teamSideWords("armenian", "armenian")).toBe("argues the Armenian case");
  });

  it("names the case of the statement and the team's case now after a swap", () => {
    expect(teamSideWords("armenian", "azerbaijani")).toBe("argued the Armenian case when this was written; argues the Azerbaijani case now");
    expect(teamSideWords("neutral", "armenian")).toBe("adjudicated as neutral when this was written; argues the Armenian case now");
  });
});
