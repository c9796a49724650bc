/**
 * Argdown (https://argdown.org) to and from the portable debate, parsed with
 * @argdown/core (its parser and model; nothing here parses Argdown itself):
 * parse.ts reads the file (markdown.ts the Argdown code blocks of a Markdown
 * or Quarto file), nodes.ts and relations.ts map its model to the document,
 * sources.ts says what each statement cites, to-portable.ts puts them
 * together, write.ts writes Argdown.
 *
 * Import, in short:
 * - Every statement (an equivalence class: all statements sharing a title) and
 *   every argument becomes a node. A statement's text is its canonical member's
 *   text (the last defining member, as Argdown itself chooses), else its title;
 *   an argument's text is its description, else its title. A Markdown link in
 *   a text keeps its address after it: "the report (https://…)". A data block's
 *   fields stay on the node (`{credence: 0.7}`) but for those the import reads
 *   (kind, perspective, sources).
 * - Relations: support and entails -> supports; attack, undercut, contrary and
 *   contradictory -> attacks. Contradictory is symmetric in Argdown, and
 *   becomes one attack from the statement that declared it to the other. An
 *   undercut aimed at an inference (`<_` under a conclusion) attacks the
 *   argument the inference belongs to, as the app has no inference nodes.
 * - Premise-conclusion structures (PCS), the rule the tests count with: each
 *   inference step links its inputs to its output as supports, grouped as one
 *   linked group when there are 2 or more inputs. The inputs of a step are the
 *   premises listed since the previous conclusion, plus that previous
 *   (intermediary) conclusion; the output of an intermediary step is its
 *   conclusion; the output of the final step is the argument node, which then
 *   supports the main conclusion. So a PCS of n statements gives exactly n
 *   supports relations: premises -> argument (linked) and argument ->
 *   conclusion for a one-step argument. The argument's node stays between its
 *   premises and its conclusion because relations drawn to and from the
 *   argument in the file need it. Inference rules and their data (`uses`) have
 *   no place in the app and are reported as dropped.
 * - The app's rules apply after that, PCS relations first, then the file's
 *   relations in file order: no self-links, one relation per pair of nodes
 *   (either direction) but for two nodes that attack each other, no circular
 *   support; what breaks them is dropped and reported.
 * - Kinds, from the kept relations (a `kind` in the node's data wins): a
 *   statement that supports nothing but is supported -> thesis; a node that
 *   attacks and supports nothing -> rebuttal; any other argument -> claim; any
 *   other statement -> premise.
 * - Perspective: the data `{perspective: armenian}` (or a list) and the tags
 *   #armenian, #azerbaijani, #neutral name the perspective(s) of a statement or
 *   argument; those tags are taken out of its text (other tags stay, unless the
 *   file's front matter sets `model.removeTagsFromText`). Each node cites the
 *   imported file once per perspective (one source per perspective used,
 *   titled with the file name); a node that names none cites it in the
 *   perspective chosen for the file, whose source is always there as the
 *   article's. The file is the article. Sources written by the export (front
 *   matter `debate.sources`, node data `sources`) are restored instead.
 * - An argument `<Linked n> {linkedGroup: key}` without a PCS, as the export
 *   writes linked groups, is no node: its supporters link straight to its
 *   target(s) as one linked group.
 * - Title: the first heading, else the front matter's title, else the file name.
 *
 * Export writes the approved part of a debate as Argdown that parses without
 * errors and imports back to the same statements, relations and data (see
 * `portableToArgdown`).
 */
export { argdownToPortable } from "./to-portable";
export { escapeArgdownText, portableToArgdown } from "./write";
