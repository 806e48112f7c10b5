import * as React from "react";
import type { HighlightSeverity } from "../../model/types";
import { HIGHLIGHT_FILL } from "../../model/highlight-style";

/**
 * A small marker in the same fill the sheet uses for that severity, with a distinct glyph
 * inside (✕, !, ≠, ?) so the kinds differ by shape, not colour alone. The glyph is dark on a
 * light fill, which reads in both Office light and dark themes. Decorative: the text beside it
 * says the same, so it is hidden from screen readers.
 */
const GLYPH: Record<HighlightSeverity, string> = {
  unreachable: "✕",
  gap: "!",
  mismatch: "≠",
  error: "?",
};

export function SeverityIcon({ severity }: { severity: HighlightSeverity }) {
  return (
    <svg width="18" height="18" viewBox="0 0 18 18" aria-hidden="true" focusable="false" style={{ flexShrink: 0 }}>
      {severity === "unreachable" ? (
        <polygon points="5.3,1 12.7,1 17,5.3 17,12.7 12.7,17 5.3,17 1,12.7 1,5.3" fill={HIGHLIGHT_FILL[severity]} stroke="#8a1c1c" />
      ) : severity === "gap" ? (
        <polygon points="9,1 17,16.5 1,16.5" fill={HIGHLIGHT_FILL[severity]} stroke="#7a5a00" />
      ) : (
        <rect x="1" y="1" width="16" height="16" rx={severity === "mismatch" ? 8 : 3} fill={HIGHLIGHT_FILL[severity]} stroke="#404040" />
      )}
      <text x="9" y={severity === "gap" ? 14 : 13} textAnchor="middle" fontSize="11" fontWeight="700" fill="#1b1b1b">
        {GLYPH[severity]}
      </text>
    </svg>
  );
}
