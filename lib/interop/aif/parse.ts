import { z } from "zod";

import { isRecord } from "../import-notes";
import { ImportError } from "../portable";

const ZAifId = z
  .union([z.string().trim().min(1, "must not be empty").max(150, "has more than 150 characters"), z.number().int()], {
    error: "must be a string or an integer",
  })
  .transform(String);

const ZAifNode = z
  .looseObject({
    nodeID: ZAifId,
    type: z.string({ error: "must be a string such as \"I\" or \"RA\"" }).trim().min(1, "must not be empty"),
    text: z.string({ error: "must be a string" }).optional(),
  })
  .superRefine((node, ctx) => {
    if (node.type === "I" && node.text === undefined) ctx.addIssue({ code: "custom", path: ["text"], message: "is missing (an I-node needs its text)" });
  });

const ZAifEdge = z.looseObject({ edgeID: ZAifId, fromID: ZAifId, toID: ZAifId });

const ZAif = z.looseObject({
  nodes: z.array(ZAifNode, { error: "must be a list of nodes" }),
  edges: z.array(ZAifEdge, { error: "must be a list of edges" }),
  locutions: z.array(z.unknown(), { error: "must be a list" }).optional(),
});

export type TAif = z.infer<typeof ZAif>;
export type TAifNode = z.infer<typeof ZAifNode>;

/** Where JSON.parse gave up, found by a small scanner since engines word (and place) it differently. */
class JsonScanner {
  i = 0;
  constructor(private readonly text: string) {}

  /** The offset of the first error, or null when the text is JSON. */
  errorOffset(): number | null {
    try {
      this.value();
      this.ws();
      if (this.i < this.text.length) this.fail();
      return null;
    } catch (offset) {
      if (typeof offset === "number") return offset;
      throw offset;
    }
  }

  private fail(): never {
    throw this.i;
  }

  private ws(): void {
    while (this.i < this.text.length && " \t\n\r".includes(this.text[this.i]!)) this.i++;
  }

  private expect(c: string): void {
    if (this.text[this.i] !== c) this.fail();
    this.i++;
  }

  private string(): void {
    this.i++;
    for (;;) {
      const c = this.text[this.i];
      if (c === undefined || c < " ") this.fail();
      this.i++;
      if (c === '"') return;
      if (c === "\\") this.escape();
    }
  }

  private escape(): void {
    const e = this.text[this.i];
    if (e === "u") {
      if (!/^[0-9a-fA-F]{4}$/.test(this.text.slice(this.i + 1, this.i + 5))) this.fail();
      this.i += 5;
    } else if (e !== undefined && '"\\/bfnrt'.includes(e)) this.i++;
    else this.fail();
  }

  /** The items of an object or list, after its opening bracket. */
  private items(close: string, item: () => void): void {
    this.i++;
    this.ws();
    if (this.text[this.i] === close) {
      this.i++;
      return;
    }
    for (;;) {
      item();
      this.ws();
      if (this.text[this.i] === ",") this.i++;
      else return this.expect(close);
    }
  }

  private member(): void {
    this.ws();
    if (this.text[this.i] !== '"') this.fail();
    this.string();
    this.ws();
    this.expect(":");
    this.value();
  }

  private value(): void {
    this.ws();
    const c = this.text[this.i];
    if (c === "{") return this.items("}", () => this.member());
    if (c === "[") return this.items("]", () => this.value());
    if (c === '"') return this.string();
    if (c !== undefined && /[-0-9]/.test(c)) return this.number();
    const literal = ["true", "false", "null"].find((l) => this.text.startsWith(l, this.i));
    if (!literal) this.fail();
    this.i += literal.length;
  }

  private number(): void {
    const number = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
    number.lastIndex = this.i;
    if (!number.test(this.text)) this.fail();
    this.i = number.lastIndex;
  }
}

function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  const column = offset - (before.lastIndexOf("\n") + 1) + 1;
  return `line ${line}, column ${column}`;
}

function parseJson(text: string): unknown {
  const body = text.replace(/^\uFEFF/, "");
  if (body.trim().length === 0) throw new ImportError("The file is empty; an AIF file is a JSON object with \"nodes\" and \"edges\".");
  try {
    return JSON.parse(body);
  } catch (error) {
    const offset = new JsonScanner(body).errorOffset();
    const detail = error instanceof Error ? error.message : String(error);
    throw new ImportError(`The file is not valid JSON, so it cannot be AIF (AIF is a JSON format): ${detail}`, offset === null ? undefined : lineAndColumn(body, offset));
  }
}

/** The AIF object itself: the document, or its "AIF" member in xAIF. */
function aifObject(json: unknown): { aif: unknown; prefix: string } {
  if (isRecord(json) && isRecord(json.AIF)) return { aif: json.AIF, prefix: "AIF." };
  if (!isRecord(json) || (!("nodes" in json) && !("edges" in json))) {
    const keys = isRecord(json) ? Object.keys(json) : [];
    const found = isRecord(json)
      ? `an object with ${keys.length ? `the key${keys.length === 1 ? "" : "s"} ${keys.slice(0, 5).map((k) => `"${k}"`).join(", ")}` : "no keys"}`
      : Array.isArray(json)
        ? "a list"
        : `a ${json === null ? "null" : typeof json}`;
    throw new ImportError(`This JSON is not AIF: AIF is an object with a "nodes" list and an "edges" list (or xAIF, with them under "AIF"), but the file holds ${found}.`);
  }
  return { aif: json, prefix: "" };
}

/** AIF JSON (or xAIF) checked for its shape; the first problem names the node or edge. */
export function readAif(text: string): TAif {
  const { aif, prefix } = aifObject(parseJson(text));
  const parsed = ZAif.safeParse(aif);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const [list, index, ...field] = issue.path;
  const raw = isRecord(aif) ? aif[String(list)] : undefined;
  if ((list === "nodes" || list === "edges") && typeof index === "number" && Array.isArray(raw)) {
    const item: unknown = raw[index];
    const idField = list === "nodes" ? "nodeID" : "edgeID";
    const id = isRecord(item) && (typeof item[idField] === "string" || typeof item[idField] === "number") ? String(item[idField]) : null;
    const what = list === "nodes" ? "Node" : "Edge";
    const name = field.length ? `"${field.map(String).join(".")}"` : "entry";
    const message = field.length ? `field ${name} ${issue.message}` : `must be an object with ${list === "nodes" ? "nodeID, type and text" : "edgeID, fromID and toID"}`;
    throw new ImportError(`${what} ${index + 1} of "${prefix}${list}" is not valid AIF: ${message}.`, id !== null ? `${idField} ${id}` : `${prefix}${list}[${index}]`);
  }
  throw new ImportError(`This JSON is not AIF: "${prefix}${issue.path.map(String).join(".")}" ${issue.message}.`);
}
