import * as React from "react";
import { Badge } from "@fluentui/react-components";
import type { Grade } from "../../model/types";
import type { Strings } from "../strings";

const COLOR = { A: "success", B: "warning", C: "danger" } as const;

/** The grade as a badge; its text ("B级") carries the meaning, the colour only repeats it. */
export function GradeBadge({ grade, t }: { grade: Grade; t: Strings }) {
  return (
    <Badge appearance="filled" color={COLOR[grade]} shape="rounded" size="large">
      {t.gradeBadge(grade)}
    </Badge>
  );
}
