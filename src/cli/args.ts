/** A small argument parser: a command, positionals, and the few options kjscore knows. */
import { S } from "./strings";

export interface Options {
  output?: string;
  json: boolean;
  force: boolean;
  help: boolean;
  version: boolean;
  /** recalc: write the 分享版 (scores as plain formulas) */
  portable: boolean;
  /** recalc --portable: turn text values with a unit into numbers shown as before */
  convertValues: boolean;
  /** check/recalc: the sheet whose 分工表 to score, optionally with a row ("分工表!A30") */
  sheet?: string;
  /** check/recalc: the N-th 分工表 found (1-based) */
  table?: number;
}

export interface Parsed {
  command: string | null;
  positionals: string[];
  options: Options;
}

/** Wrong use of the command line; the message is one Chinese line. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/** Which options each command accepts (help and version go everywhere). */
const ALLOWED: Record<string, (keyof Options)[]> = {
  template: ["output", "force"],
  check: ["json", "sheet", "table"],
  recalc: ["output", "force", "portable", "convertValues", "sheet", "table"],
  report: ["output", "force"],
};

export function parseArgs(argv: string[]): Parsed {
  const options: Options = { json: false, force: false, help: false, version: false, portable: false, convertValues: false };
  const given: { key: keyof Options; spelled: string }[] = [];
  const rest: string[] = [];
  let onlyPositionals = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (onlyPositionals || a === "-" || !a.startsWith("-")) {
      rest.push(a);
      continue;
    }
    if (a === "--") {
      onlyPositionals = true;
      continue;
    }
    const eq = a.startsWith("--") ? a.indexOf("=") : -1;
    const name = eq > 0 ? a.slice(0, eq) : a;
    const inline = eq > 0 ? a.slice(eq + 1) : undefined;
    switch (name) {
      case "-o":
      case "--output":
      case "--out": {
        const value = inline ?? argv[++i];
        if (value === undefined || value === "") throw new UsageError(S.missingValue(name));
        options.output = value;
        given.push({ key: "output", spelled: name });
        break;
      }
      case "--sheet": {
        const value = inline ?? argv[++i];
        if (value === undefined || value.trim() === "") throw new UsageError(S.missingSheet);
        options.sheet = value;
        given.push({ key: "sheet", spelled: name });
        break;
      }
      case "--table": {
        const value = inline ?? argv[++i];
        if (value === undefined || !/^[1-9]\d*$/.test(value.trim())) throw new UsageError(S.badTable(value ?? ""));
        options.table = Number(value.trim());
        given.push({ key: "table", spelled: name });
        break;
      }
      case "--portable":
      case "--convert-values": {
        if (inline !== undefined) throw new UsageError(S.noValueExpected(name));
        const key: keyof Options = name === "--portable" ? "portable" : "convertValues";
        options[key] = true;
        given.push({ key, spelled: name });
        break;
      }
      case "--json":
      case "--force":
      case "-h":
      case "--help":
      case "-V":
      case "-v":
      case "--version": {
        if (inline !== undefined) throw new UsageError(S.noValueExpected(name));
        const key: keyof Options =
          name === "--json" ? "json" : name === "--force" ? "force" : name === "-h" || name === "--help" ? "help" : "version";
        (options[key] as boolean) = true;
        given.push({ key, spelled: name });
        break;
      }
      default:
        throw new UsageError(S.unknownOption(a));
    }
  }
  const command = rest.length > 0 ? rest[0] : null;
  const positionals = rest.slice(1);
  if (options.help || options.version) return { command, positionals, options };
  if (command === "help") return { command, positionals, options: { ...options, help: true } };
  if (command === null) throw new UsageError(S.missingCommand);
  if (!(command in ALLOWED)) throw new UsageError(S.unknownCommand(command));
  for (const g of given) {
    if (!ALLOWED[command].includes(g.key)) throw new UsageError(S.optionNotFor(g.spelled, command));
  }
  if (options.sheet !== undefined && options.table !== undefined) throw new UsageError(S.sheetOrTable);
  return { command, positionals, options };
}
