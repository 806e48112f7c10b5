import * as React from "react";
import type { Plan } from "../../model/types";
import type { Strings } from "../strings";
import { categoryName, fmtPoints, fmtScore } from "../format";
import { v } from "../css";

/*
 * Hand-drawn SVG charts (no chart library: the pane has a bundle budget). Both are horizontal
 * bars so Chinese labels have room at 320 px; each bar is labelled with its year in text, so the
 * chart never depends on colour. The viewBox scales with the pane's width. Each SVG is an image
 * with a title and a description; the same numbers are also given as a table (see SummaryView).
 */

const W = 300;
const LABEL_W = 84;
const VALUE_W = 44;
const BAR_X = LABEL_W + 4;
const BAR_W = W - BAR_X - VALUE_W;
const BAR_H = 12;
const ROW_H = 18;

const text = { fill: v("colorNeutralForeground1"), fontSize: 11 } as const;
const muted = { fill: v("colorNeutralForeground3"), fontSize: 10 } as const;

function TargetPattern({ id }: { id: string }) {
  // Target years are striped so they differ from the actual years by more than colour.
  return (
    <defs>
      <pattern id={id} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect width="6" height="6" style={{ fill: v("colorBrandBackground2") }} />
        <rect width="3" height="6" style={{ fill: v("colorBrandBackground") }} />
      </pattern>
    </defs>
  );
}

function barFill(kind: string, patternId: string) {
  return kind === "target" ? `url(#${patternId})` : v("colorBrandBackground");
}

/** One labelled bar: the year on the left, the track and the bar, the number on the right. */
/** An SVG chart with its accessible title and description, and the target years' stripe pattern. */
function ChartFrame({
  id,
  height,
  title,
  desc,
  children,
}: {
  id: string;
  height: number;
  title: string;
  desc: string;
  children: React.ReactNode;
}) {
  return (
    <svg viewBox={`0 0 ${W} ${height}`} className="kj-chart" role="img" aria-labelledby={`${id}-t ${id}-d`}>
      <title id={`${id}-t`}>{title}</title>
      <desc id={`${id}-d`}>{desc}</desc>
      <TargetPattern id={`${id}-p`} />
      {children}
    </svg>
  );
}

function BarRow({
  y,
  label,
  labelStyle,
  width,
  fill,
  value,
}: {
  y: number;
  label: string;
  labelStyle: React.CSSProperties;
  width: number;
  fill: string;
  value: string;
}) {
  return (
    <>
      <text x={LABEL_W} y={y + BAR_H - 2} textAnchor="end" style={labelStyle}>
        {label}
      </text>
      <rect x={BAR_X} y={y} width={BAR_W} height={BAR_H} style={{ fill: v("colorNeutralBackground3") }} />
      <rect x={BAR_X} y={y} width={width} height={BAR_H} style={{ fill }} />
      <text x={W - 2} y={y + BAR_H - 2} textAnchor="end" style={{ ...text, fontVariantNumeric: "tabular-nums" }}>
        {value}
      </text>
    </>
  );
}

export function TotalsChart({ plan, t }: { plan: Plan; t: Strings }) {
  const id = React.useId().replace(/:/g, "");
  const top = 16;
  const height = top + plan.totals.length * ROW_H + 4;
  const x = (n: number) => BAR_X + (Math.max(0, Math.min(100, n)) / 100) * BAR_W;
  const desc = t.totalsChartDesc(
    plan.totals.map((tt) => `${t.yearLabel(tt.column, tt.kind)} ${fmtScore(tt.computed)}（${tt.grade}）`).join("；"),
  );
  return (
    <ChartFrame id={id} height={height} title={t.totalsChartTitle} desc={desc}>
      {plan.totals.map((tt, i) => {
        return (
          <g key={tt.column}>
            <BarRow
              y={top + i * ROW_H}
              label={t.yearLabel(tt.column, tt.kind)}
              labelStyle={text}
              width={x(tt.computed) - BAR_X}
              fill={barFill(tt.kind, `${id}-p`)}
              value={`${fmtScore(tt.computed)} ${tt.grade}`}
            />
          </g>
        );
      })}
      {(
        [
          ["B", 60],
          ["A", 80],
        ] as const
      ).map(([g, p]) => (
        <g key={g}>
          <line
            x1={x(p)}
            x2={x(p)}
            y1={top - 3}
            y2={height - 2}
            strokeDasharray="3 2"
            style={{ stroke: v("colorNeutralForeground2"), strokeWidth: 1 }}
          />
          <text x={x(p)} y={10} textAnchor="middle" style={muted}>
            {t.gradeLine(g, p)}
          </text>
        </g>
      ))}
    </ChartFrame>
  );
}

export function SubtotalsChart({ plan, t }: { plan: Plan; t: Strings }) {
  const id = React.useId().replace(/:/g, "");
  const years = plan.layout.years;
  const groupH = 16 + years.length * ROW_H + 6;
  const height = plan.subtotals.length * groupH;
  const desc = t.subtotalsChartDesc(
    plan.subtotals
      .map(
        (s) =>
          `${categoryName(s.category)}${s.points !== null ? `（${t.outOf(fmtPoints(s.points))}）` : ""} ` +
          years.map((y) => `${t.yearLabel(y.label, y.kind)} ${fmtScore(s.byColumn[y.label] ?? 0)}`).join("，"),
      )
      .join("；"),
  );
  return (
    <ChartFrame id={id} height={height} title={t.subtotalsChartTitle} desc={desc}>
      {plan.subtotals.map((s, gi) => {
        const values = years.map((y) => s.byColumn[y.label] ?? 0);
        // Each group is drawn against its own points, so a full track means full marks.
        const scale = s.points ?? Math.max(1, ...values);
        const gy = gi * groupH;
        return (
          <g key={s.category}>
            <text x={0} y={gy + 12} style={{ ...text, fontWeight: 600 }}>
              {categoryName(s.category)}
              {s.points !== null ? <tspan style={muted}>{`  ${t.outOf(fmtPoints(s.points))}`}</tspan> : null}
            </text>
            {years.map((y, i) => {
              const val = values[i];
              return (
                <g key={y.label}>
                  <BarRow
                    y={gy + 16 + i * ROW_H}
                    label={t.yearLabel(y.label, y.kind)}
                    labelStyle={muted}
                    width={(Math.max(0, Math.min(scale, val)) / scale) * BAR_W}
                    fill={barFill(y.kind, `${id}-p`)}
                    value={fmtScore(val)}
                  />
                </g>
              );
            })}
          </g>
        );
      })}
    </ChartFrame>
  );
}
