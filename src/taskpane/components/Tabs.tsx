import * as React from "react";

/**
 * A WAI-ARIA tab list (role=tablist/tab/tabpanel, roving tabindex, ←/→/Home/End move and select).
 * Hand-written rather than Fluent's TabList, which costs ~16 KB gzip of the pane's 142 KB budget;
 * it uses Fluent's theme tokens (see css.ts) so it looks and themes like the rest of the pane.
 */
export interface TabItem<V extends string> {
  value: V;
  label: string;
}

export function Tabs<V extends string>({
  items,
  selected,
  onSelect,
  label,
  children,
}: {
  items: TabItem<V>[];
  selected: V;
  onSelect(value: V): void;
  label: string;
  children: React.ReactNode;
}) {
  const base = React.useId();
  const refs = React.useRef<(HTMLButtonElement | null)[]>([]);
  const tabId = (v: string) => `${base}-tab-${v}`;
  const panelId = `${base}-panel`;

  const onKeyDown = (e: React.KeyboardEvent, i: number) => {
    const last = items.length - 1;
    const next =
      e.key === "ArrowRight"
        ? i === last
          ? 0
          : i + 1
        : e.key === "ArrowLeft"
          ? i === 0
            ? last
            : i - 1
          : e.key === "Home"
            ? 0
            : e.key === "End"
              ? last
              : null;
    if (next === null) return;
    e.preventDefault();
    onSelect(items[next].value);
    refs.current[next]?.focus();
  };

  return (
    <>
      <div role="tablist" aria-label={label} className="kj-tabs">
        {items.map((it, i) => {
          const on = it.value === selected;
          return (
            <button
              key={it.value}
              ref={(el) => {
                refs.current[i] = el;
              }}
              type="button"
              role="tab"
              id={tabId(it.value)}
              aria-selected={on}
              aria-controls={panelId}
              tabIndex={on ? 0 : -1}
              className="kj-tab"
              onClick={() => onSelect(it.value)}
              onKeyDown={(e) => onKeyDown(e, i)}
            >
              {it.label}
            </button>
          );
        })}
      </div>
      <div role="tabpanel" id={panelId} aria-labelledby={tabId(selected)}>
        {children}
      </div>
    </>
  );
}
