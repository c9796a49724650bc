import { shortcodes } from "@argdown/core";

import { isRecord } from "../import-notes";
import type { TPortableDebate, TPortableNode, TPortableRelation } from "../portable";

import { cleanText } from "./nodes";

/** Characters that start Argdown markup anywhere in a line: escaped with a backslash. */
const ALWAYS_ESCAPED = new Set(["\\", "@", "#", "*", "_", "[", "]", "<", ">", "/", "{", "}", "`"]);
/** Argdown's special-character token (.name. or :name:), tried where the lexer tries it. */
const SPECIAL_CHAR = /(?:\.[^\s]+?\.[ \t]?)|(?::[^\s]+?:[ \t]?)/y;

/**
 * Text that Argdown reads back as exactly this text (whitespace collapsed):
 * markup characters are escaped, and so are the shortcodes (`:heart:`, `.^.`)
 * Argdown would turn into symbols and runs of `===` that would open front
 * matter. Other dots and colons are left alone, as the lexer reads them.
 */
export function escapeArgdownText(text: string): string {
  const input = cleanText(text);
  let out = "";
  let i = 0;
  while (i < input.length) {
    const c = input[i]!;
    if (c === "." || c === ":") {
      SPECIAL_CHAR.lastIndex = i;
      const match = SPECIAL_CHAR.exec(input);
      if (match) {
        if (shortcodes[match[0].trim()]) {
          out += `\\${c}`;
          i++;
        } else {
          // The lexer takes the whole match as one token and keeps it as it is.
          out += match[0];
          i += match[0].length;
        }
        continue;
      }
      out += c;
    } else if (ALWAYS_ESCAPED.has(c)) {
      out += `\\${c}`;
    } else if (c === "=" && (input[i + 1] === "=" || input[i - 1] === "=")) {
      out += "\\=";
    } else {
      out += c;
    }
    i++;
  }
  return out;
}

/** A YAML flow value Argdown's data blocks and front matter read back as it is; strings are quoted unless plain words. */
function yaml(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (typeof value === "boolean" || typeof value === "number") return String(value);
  if (typeof value === "string") {
    if (/^[a-z][a-z0-9-]*$/i.test(value) && !/^(true|false|null|yes|no|on|off|y|n)$/i.test(value)) return value;
    // JSON strings are YAML strings; braces and "=" are written as \u escapes so no data block or front matter ends early.
    return JSON.stringify(value).replace(/[{}=]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  }
  if (Array.isArray(value)) return `[${value.map(yaml).join(", ")}]`;
  if (isRecord(value)) return `{${Object.entries(value).map(([k, v]) => `${yaml(k)}: ${yaml(v)}`).join(", ")}}`;
  return "null";
}

/** Titles from the first words of each text, unique (case-insensitively) and the same for the same debate. */
function statementTitles(texts: { key: string; text: string }[]): Map<string, string> {
  const titles = new Map<string, string>();
  const used = new Set<string>();
  for (const { key, text } of texts) {
    const words = cleanText(text)
      .split(" ")
      .map((w) => w.replace(/[^\p{L}\p{N}]+/gu, ""))
      .filter((w) => w.length > 0);
    let base = "";
    for (const word of words) {
      if (base && (base.length + word.length + 1 > 40 || base.split(" ").length >= 5)) break;
      base = base ? `${base} ${word}` : word.slice(0, 40);
    }
    // "Untitled n" is what Argdown calls statements without a title.
    if (!base || /^untitled \d+$/i.test(base)) base = base ? `Statement ${base}` : "Statement";
    let title = base;
    for (let n = 2; used.has(title.toLowerCase()); n++) title = `${base} ${n}`;
    used.add(title.toLowerCase());
    titles.set(key, title);
  }
  return titles;
}

/** A node's data block: the data it came with, then what the import reads back (kind, perspectives, sources). */
function dataBlock(node: TPortableNode, perspectiveOf: Map<string, string>): Record<string, unknown> {
  const perspectives = [...new Set(node.sourceKeys.map((k) => perspectiveOf.get(k)).filter((p) => p !== undefined))];
  const data: Record<string, unknown> = { ...node.data, kind: node.kind };
  if (perspectives.length) data.perspective = perspectives.length === 1 ? perspectives[0] : perspectives;
  if (node.sourceKeys.length) data.sources = node.sourceKeys;
  return data;
}

/**
 * The approved part of a debate as Argdown:
 * - front matter with the title and, as data, the description and sources;
 * - a `#` heading with the debate title;
 * - each node as `[Title]: text {credence: 0.7, kind: premise, perspective: azerbaijani, sources: [...]}`
 *   (its own data first),
 *   titles made from the first words of the text, with its plain relations
 *   indented under it (`+> [Target]` supports, `-> [Target]` attacks);
 * - each linked group (2+ relations sharing a group and a target) as an
 *   argument `<Linked 1> {linkedGroup: key}` that its premises support (`+ [Premise]`)
 *   and that supports or attacks the target, which the import turns back
 *   into the grouped relations.
 * Teams, revisions, anchors, authors and node status are not written.
 */
export function portableToArgdown(debate: TPortableDebate): string {
  const nodes = debate.nodes.filter((n) => n.status === "approved");
  const nodeKeys = new Set(nodes.map((n) => n.key));
  const titles = statementTitles(nodes);
  const relations = debate.relations.filter((r) => r.status === "approved" && nodeKeys.has(r.from) && nodeKeys.has(r.to));
  const perspectiveOf = new Map(debate.sources.map((s) => [s.key, s.perspective]));

  // Linked groups: relations sharing group, target and type, at least two of them.
  const grouped = new Map<string, TPortableRelation[]>();
  for (const r of relations) {
    if (!r.group) continue;
    const id = JSON.stringify([r.group, r.to, r.type]);
    grouped.set(id, [...(grouped.get(id) ?? []), r]);
  }
  const linked = [...grouped.values()].filter((rs) => new Set(rs.map((r) => r.from)).size >= 2);
  const inLinked = new Set(linked.flat());

  const lines: string[] = [];
  const frontMatter: Record<string, unknown> = { sources: debate.sources };
  if (debate.debate.description) frontMatter.description = debate.debate.description;
  lines.push("===", `title: ${yaml(debate.debate.title)}`, `debate: ${yaml(frontMatter)}`, "===", "", `# ${escapeArgdownText(debate.debate.title) || "Debate"}`, "");

  for (const node of nodes) {
    lines.push(`[${titles.get(node.key)}]: ${escapeArgdownText(node.text) || escapeArgdownText(titles.get(node.key)!)} ${yaml(dataBlock(node, perspectiveOf))}`);
    for (const r of relations) {
      if (r.from !== node.key || inLinked.has(r)) continue;
      lines.push(`  ${r.type === "supports" ? "+>" : "->"} [${titles.get(r.to)}]`);
    }
    lines.push("");
  }

  if (linked.length) lines.push("<!-- Linked groups: premises that support (or attack) their target only together. -->", "");
  linked.forEach((rs, i) => {
    const first = rs[0]!;
    lines.push(`<Linked ${i + 1}> ${yaml({ linkedGroup: first.group })}`);
    for (const from of new Set(rs.map((r) => r.from))) lines.push(`  + [${titles.get(from)}]`);
    lines.push(`  ${first.type === "supports" ? "+>" : "->"} [${titles.get(first.to)}]`, "");
  });
  return `${lines.join("\n").trimEnd()}\n`;
}
