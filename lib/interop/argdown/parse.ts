import { ArgdownApplication, DataPlugin, ModelPlugin, ParserPlugin, tokenize, type IArgdownLogger, type IArgdownResponse } from "@argdown/core";

import { UNSAFE_TEXT_MESSAGE, isCleanText } from "@/lib/schemas/text";

import { ImportError } from "../portable";

import { argdownInMarkdown } from "./markdown";

/** The file becomes the debate's article, which holds at most this many characters. */
const MAX_ARTICLE = 500_000;

/** Argdown logs parser errors and exceptions; the import reports them itself. */
const silentLogger: IArgdownLogger = { log: () => {}, setLevel: () => {} };

let application: ArgdownApplication | null = null;
function argdownApplication(): ArgdownApplication {
  if (application) return application;
  const app = new ArgdownApplication(silentLogger);
  app.addPlugin(new ParserPlugin(), "parse-input");
  app.addPlugin(new DataPlugin(), "build-model");
  app.addPlugin(new ModelPlugin(), "build-model");
  application = app;
  return app;
}

/** Line (and column) of a lexer or parser error, when Argdown knows it. */
function at(line: number | undefined, column?: number): string | undefined {
  if (line === undefined || !Number.isFinite(line)) return undefined;
  return column !== undefined && Number.isFinite(column) ? `line ${line}, column ${column}` : `line ${line}`;
}

function firstLine(message: string): string {
  const line = message.split("\n")[0]!.trim();
  return line.length > 300 ? `${line.slice(0, 297)}…` : line;
}

/** True when Argdown's lexer finds no tokens but comments and whitespace. */
function onlyComments(text: string): boolean {
  try {
    return tokenize(text).tokens.every((t: { tokenType: { name: string } }) => t.tokenType.name === "Emptyline" || t.tokenType.name === "Newline");
  } catch {
    return false;
  }
}

/** The file as it was sent, without a byte-order mark, refused when it cannot be the article or is JSON. */
export function argdownFileText(text: string): string {
  const input = text.replace(/^\uFEFF/, "");
  if (input.trim().length === 0) throw new ImportError("The file is empty: there is no Argdown to import.");
  if (!isCleanText(input)) throw new ImportError(`The file: ${UNSAFE_TEXT_MESSAGE}`);
  if (input.length > MAX_ARTICLE) {
    throw new ImportError(`The file has ${input.length} characters; it becomes the debate's article, which holds at most ${MAX_ARTICLE}.`);
  }
  const trimmed = input.trim();
  if (/^[[{]/.test(trimmed)) {
    let json = false;
    try {
      JSON.parse(trimmed);
      json = true;
    } catch {
      // Not JSON: Argdown may well start with a bracket ([Title]: ...).
    }
    if (json) throw new ImportError("This file is JSON, not Argdown: import it as a JSON debate export or as AIF instead.", "line 1");
  }
  return input;
}

/**
 * The Argdown model of a file: an Argdown file as it is, a Markdown or Quarto
 * file by its Argdown code blocks (see argdownInMarkdown). Offsets and lines
 * in the model are the file's own. Throws ImportError naming the line of the
 * first syntax or YAML error.
 */
export function parseArgdown(input: string, fileName: string): IArgdownResponse {
  const text = argdownInMarkdown(input, fileName) ?? input;
  const app = argdownApplication();
  let response: IArgdownResponse;
  try {
    response = app.run({ process: ["parse-input"], input: text, logger: silentLogger, logExceptions: false, throwExceptions: true });
  } catch (error) {
    // Argdown's parser fails (rather than reporting) on a file with nothing but comments and blank lines.
    if (onlyComments(text)) throw new ImportError("The file has only comments: there are no statements or arguments to import.");
    throw new ImportError(`Argdown could not read the file: ${firstLine(error instanceof Error ? error.message : String(error))}`);
  }
  throwSyntaxError(response);
  refuseYamlAliases(response);
  try {
    // Data blocks and front matter are YAML: a YAML error is thrown from here.
    return app.run({ process: ["build-model"], logger: silentLogger, logExceptions: false, throwExceptions: true }, response);
  } catch (error) {
    const message = firstLine(error instanceof Error ? ((error as { reason?: string }).reason ?? error.message) : String(error));
    if ((error as { name?: string }).name !== "YAMLException") throw new ImportError(`Argdown could not build the model: ${message}`);
    throw new ImportError(`A data block or the front matter is not valid YAML: ${message}`, yamlErrorLine(response, error));
  }
}

function throwSyntaxError(response: IArgdownResponse): void {
  const lexerError = response.lexerErrors?.[0];
  if (lexerError) {
    throw new ImportError(`The file is not valid Argdown: ${firstLine(lexerError.message)}`, at(lexerError.line, lexerError.column));
  }
  const parserError = response.parserErrors?.[0];
  if (parserError) {
    const token = parserError.token;
    const line = Number.isFinite(token?.startLine) ? token.startLine : (parserError as { previousToken?: { startLine?: number } }).previousToken?.startLine;
    throw new ImportError(`The file is not valid Argdown: ${firstLine(parserError.message)}`, at(line));
  }
}

/** A YAML anchor (`&name`) or alias (`*name`) outside quoted strings. */
const YAML_ALIAS = /(?:^|[\s,[{:-])[&*][^\s,[\]{}]+/;
const QUOTED = /"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'/g;

/**
 * Refuses YAML aliases in data blocks and front matter: Argdown copies what an
 * alias stands for while building its model, so a few lines of aliases of
 * aliases would take the server's memory. Argdown files have no use for them.
 */
function refuseYamlAliases(response: IArgdownResponse): void {
  for (const token of response.tokens ?? []) {
    const name = token.tokenType.name;
    if ((name === "Data" || name === "FrontMatter") && YAML_ALIAS.test(token.image.replace(QUOTED, '""'))) {
      throw new ImportError("A data block or the front matter uses YAML anchors or aliases (&name, *name), which this import does not read: write the values out.", at(token.startLine));
    }
  }
}

/**
 * The file line of a YAML error: js-yaml counts lines within the YAML it was
 * given, so find the data block or front matter token holding that YAML.
 */
function yamlErrorLine(response: IArgdownResponse, error: unknown): string | undefined {
  const mark = (error as { mark?: { buffer?: string; line?: number } }).mark;
  if (!mark || typeof mark.buffer !== "string" || mark.line === undefined) return undefined;
  const yamlText = mark.buffer.replace(/\0$/, "").trim();
  for (const token of response.tokens ?? []) {
    const name = token.tokenType.name;
    if (name !== "Data" && name !== "FrontMatter") continue;
    const index = token.image.indexOf(yamlText);
    if (index < 0 || token.startLine === undefined) continue;
    const before = token.image.slice(0, index).split("\n").length - 1;
    const leading = mark.buffer.length - mark.buffer.trimStart().length;
    const skipped = mark.buffer.slice(0, leading).split("\n").length - 1;
    return `line ${token.startLine + before + mark.line - skipped}`;
  }
  return undefined;
}
