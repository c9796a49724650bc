export type CsvCell = string | number | null;

/** Characters that make a spreadsheet read a cell as a formula (or, for tab and CR, hide one). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One field as RFC 4180 wants it: quoted when it holds a comma, quote or line
 * break, quotes doubled. Text that a spreadsheet would run as a formula gets a
 * leading apostrophe; numbers are written as they are.
 */
export function csvField(value: CsvCell): string {
  if (value === null) return "";
  if (typeof value === "number") return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * Rows as a CSV document: CRLF line ends, and a byte order mark so that
 * spreadsheets read names in any script as UTF-8.
 */
export function toCsv(rows: CsvCell[][]): string {
  return `\uFEFF${rows.map((row) => row.map(csvField).join(",")).join("\r\n")}\r\n`;
}
