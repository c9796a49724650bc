import { ImportError } from "../portable";

/** A line opening an Argdown code block: ```argdown, ```argdown-map, ```{argdown}, ~~~ {.argdown} and the like. */
const OPENING = /^ {0,3}(`{3,}|~{3,})[ \t]*\{?[ \t]*\.?argdown(?:-map)?(?![\w-])[^`\n]*$/i;
const MARKDOWN_NAME = /\.(?:md|markdown|qmd|rmd)$/i;
const YAML_FENCE = /^---[ \t]*\r?$/;
const YAML_END = /^(?:---|\.\.\.)[ \t]*\r?$/;

/** The line as spaces (a carriage return kept), so what follows keeps its offset. */
const blank = (line: string) => line.replace(/[^\r]/g, " ");

const closes = (line: string, fence: string) => new RegExp(`^ {0,3}${fence[0] === "`" ? "`" : "~"}{${fence.length},}[ \\t]*\\r?$`).test(line);

/**
 * The Argdown of a Markdown or Quarto file: what its Argdown code blocks hold,
 * read as one Argdown document, everything else blanked (spaces, line breaks
 * kept) so that offsets and lines are the file's own. The file's YAML front
 * matter (between `---` lines) is read as Argdown's front matter (between
 * `===`), so its title and author name the debate, unless a code block opens
 * with front matter of its own. Null for a file without Argdown code blocks,
 * which is read as Argdown unless its name says Markdown.
 */
export function argdownInMarkdown(text: string, fileName: string): string | null {
  const lines = text.split("\n");
  const out: string[] = [];
  const blockStarts: number[] = [];
  let fence: string | null = null;
  for (const [i, line] of lines.entries()) {
    if (fence === null) {
      fence = OPENING.exec(line)?.[1] ?? null;
      if (fence !== null) blockStarts.push(i + 1);
      out.push(blank(line));
    } else if (closes(line, fence)) {
      fence = null;
      out.push(blank(line));
    } else out.push(line);
  }
  if (blockStarts.length === 0) {
    if (MARKDOWN_NAME.test(fileName)) throw new ImportError("This Markdown file has no Argdown code blocks (```argdown ... ```), so there is nothing to import.");
    return null;
  }
  const ownFrontMatter = blockStarts.some((start) => lines.slice(start).find((l) => l.trim().length > 0)?.trim().startsWith("==="));
  const end = YAML_FENCE.test(lines[0] ?? "") ? lines.findIndex((l, i) => i > 0 && YAML_END.test(l)) : -1;
  if (end > 0 && !ownFrontMatter) {
    out[0] = `===${blank(lines[0]!.slice(3))}`;
    for (let i = 1; i < end; i++) out[i] = lines[i]!;
    out[end] = `===${blank(lines[end]!.slice(3))}`;
  }
  return out.join("\n");
}
