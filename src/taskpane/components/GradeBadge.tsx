import * as React from "react";
import type { Grade } from "../../model/types";
import type { Strings } from "../strings";

/**
 * The grade as a badge; its text ("B级") carries the meaning, the colour only repeats it.
 * Plain CSS (.kj-badge in css.ts) with the values of Fluent's filled, rounded, large Badge:
 * Fluent's Badge adds ~13 KB minified and its runtime style insertion to the first view.
 */
export function GradeBadge({ grade, t }: { grade: Grade; t: Strings }) {
  return <span className={`kj-badge kj-badge-${grade}`}>{t.gradeBadge(grade)}</span>;
}
