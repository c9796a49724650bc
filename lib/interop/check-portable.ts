import { ImportError, type TPortableDebate } from "./portable";
import { fileRelationProblems } from "./relation-rules";

/**
 * Checks the references inside a portable debate before anything is written:
 * unique keys, relations and sources pointing at what exists, anchors inside
 * the article. Relations the map cannot hold (self-links, duplicates, circular
 * support; see fileRelationProblems) are dropped and said so; a statement without a source cites
 * `fallbackSourceKey`. Returns the repaired debate and the repairs made.
 */
export function checkPortable(debate: TPortableDebate, fallbackSourceKey: string | null): { debate: TPortableDebate; repairs: string[] } {
  const repairs: string[] = [];
  const unique = (keys: string[], what: string) => {
    const seen = new Set<string>();
    for (const key of keys) {
      if (seen.has(key)) throw new ImportError(`Two ${what} share the id "${key}"`, `${what} ${key}`);
      seen.add(key);
    }
    return seen;
  };
  const nodeKeys = unique(debate.nodes.map((n) => n.key), "statements");
  const sourceKeys = unique(debate.sources.map((s) => s.key), "sources");
  unique(debate.relations.map((r) => r.key), "relations");

  let unsourced = 0;
  const nodes = debate.nodes.map((n) => {
    const missing = n.sourceKeys.find((k) => !sourceKeys.has(k));
    if (missing) throw new ImportError(`Statement "${n.key}" cites a source that is not in the file`, `source ${missing}`);
    if (n.anchor && (n.anchor.end > debate.article.text.length || n.anchor.start >= n.anchor.end)) {
      throw new ImportError(`Statement "${n.key}" is anchored outside the article text`, `statement ${n.key}`);
    }
    if (n.sourceKeys.length > 0 || fallbackSourceKey === null) return n;
    unsourced++;
    return { ...n, sourceKeys: [fallbackSourceKey] };
  });
  if (unsourced > 0) repairs.push(`${unsourced} statement${unsourced === 1 ? "" : "s"} without a source now cite the imported file.`);

  for (const r of debate.relations) {
    if (!nodeKeys.has(r.from) || !nodeKeys.has(r.to)) {
      throw new ImportError(`Relation "${r.key}" points at a statement that is not in the file`, `relation ${r.key}`);
    }
  }
  const problems = fileRelationProblems(debate.relations);
  const kept = debate.relations.filter((r, i) => {
    const problem = problems[i];
    if (problem) repairs.push(`Relation "${r.key}" was left out: ${problem.message}`);
    return !problem;
  });
  return { debate: { ...debate, nodes, relations: kept }, repairs };
}
