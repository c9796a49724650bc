/**
 * The Argument Interchange Format as JSON (AIFdb, OVA, xAIF) to and from the
 * portable debate: parse.ts reads and checks the file, to-portable.ts maps its
 * I-, RA- and CA-nodes to statements and relations, write.ts writes AIF.
 * Pure: no DB, no Node-only API, so it runs in the browser too.
 */
export { aifToPortable } from "./to-portable";
export { portableToAif } from "./write";
