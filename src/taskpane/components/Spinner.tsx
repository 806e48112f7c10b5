import * as React from "react";

/**
 * A busy indicator in Fluent's Spinner sizes and brand colours (.kj-spinner in css.ts), with the
 * same role and name: role=progressbar, named by its visible label or by `aria-label`.
 * Plain CSS instead of Fluent's Spinner, which adds ~9 KB minified to the pane's script.
 */
export function Spinner({
  label,
  size = "medium",
  "aria-label": ariaLabel,
}: {
  label?: string;
  size?: "medium" | "extra-tiny";
  "aria-label"?: string;
}) {
  const id = React.useId();
  return (
    <div className={`kj-spinner${size === "extra-tiny" ? " kj-spinner-xt" : ""}`}>
      <span
        role="progressbar"
        className="kj-spinner-ring"
        aria-label={label ? undefined : ariaLabel}
        aria-labelledby={label ? id : undefined}
      />
      {label ? (
        <span id={id} className="kj-spinner-label">
          {label}
        </span>
      ) : null}
    </div>
  );
}
