/** One change to a node as its history shows it. */
export type TRevision = { id: string; version: number; action: string; actorName: string | null; createdAt: string; before: unknown; after: unknown };
