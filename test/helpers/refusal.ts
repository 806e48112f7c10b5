import { parseRule } from "../../src/engine";
import { RuleError } from "../../src/engine/types";

/** The RuleError a rule text is refused with; fails the test if the text is read instead. */
export function refusal(text: string): RuleError {
  try {
    parseRule(text);
  } catch (e) {
    if (e instanceof RuleError) return e;
    throw e;
  }
  throw new Error(`read, though it should be refused: ${text}`);
}
