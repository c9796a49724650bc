/** What an import dropped and repaired, gathered as it goes, for the report. */
export class ImportNotes {
  readonly repairs: string[] = [];
  /** e.g. { "L-node": 16, "reverse relation": 1 }: what the file has and the map does not keep. */
  readonly dropped: Record<string, number> = {};

  drop(what: string, n = 1): void {
    if (n > 0) this.dropped[what] = (this.dropped[what] ?? 0) + n;
  }

  repair(sentence: string): void {
    this.repairs.push(sentence);
  }
}

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** A statement's text as a report quotes it: at most 60 characters. */
export const quote = (text: string) => `“${text.length > 60 ? `${text.slice(0, 57)}…` : text}”`;

export const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
