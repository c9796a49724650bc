import path from "node:path";
import { fileURLToPath } from "node:url";

import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const eslint = new ESLint({ cwd: root });

/** The import-boundary errors ESLint reports for `code` placed at `file`. */
async function boundaryErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result!.messages.filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
}

describe("import boundaries (eslint.config.mjs)", () => {
  it.each([
    ["components/map/example.tsx", 'import { db } from "@/lib/server/db";\nexport const x = db;\n'],
    ["lib/client/api/example.ts", 'import { db } from "../../server/db";\nexport const x = db;\n'],
    ["lib/server/example.ts", 'import { getMap } from "@/lib/client/api/debates";\nexport const x = getMap;\n'],
    ["scripts/example.ts", 'import { request } from "@/lib/client/api/request";\nexport const x = request;\n'],
    ["app/api/example/route.ts", 'import { request } from "@/lib/client/api/request";\nexport const x = request;\n'],
    ["lib/graph/example.ts", 'import { useState } from "react";\nexport const x = useState;\n'],
    ["lib/graph/example.ts", 'import { ReactFlow } from "@xyflow/react";\nexport const x = ReactFlow;\n'],
    ["lib/export/example.ts", 'import { db } from "@/lib/server/db";\nexport const x = db;\n'],
    ["lib/schemas/example.ts", 'import { getMap } from "@/lib/client/api/debates";\nexport const x = getMap;\n'],
  ])("refuses what %s may not import", async (file, code) => {
    expect(await boundaryErrors(file, code)).toHaveLength(1);
  });

  it.each([
    ["components/map/example.tsx", 'import { getMap } from "@/lib/client/api/debates";\nexport const x = getMap;\n'],
    ["lib/server/example.ts", 'import { can } from "@/lib/authz/can";\nexport const x = can;\n'],
    ["app/debates/example/page.tsx", 'import { getViewer } from "@/lib/server/auth/get-viewer";\nexport const x = getViewer;\n'],
    ["lib/graph/example.ts", 'import { z } from "zod";\nexport const x = z;\n'],
  ])("lets %s import what it needs", async (file, code) => {
    expect(await boundaryErrors(file, code)).toEqual([]);
  });
});
