import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFrame } from "../../../shared/components/chart-frame";
import { formatCount } from "../../../shared/format";
import type { ChartData } from "../utils/aggregate-view";
import { formatAxisValue, formatValue, valueKindOf } from "../utils/format-value";

/** Colour-blind-safe (Okabe–Ito) series colours; series are also named in the legend and the tooltip. */
const COLORS = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000"] as const;

/**
 * Bars of the published inner cells of the table shown (not its margins). Masked cells are absent — never drawn as
 * zero — and the caption says how many are missing.
 */
export function AggregateChart({ data, caption, unit }: { data: ChartData; caption: string; unit: string }) {
  const note =
    data.suppressed > 0
      ? ` ${formatCount(data.suppressed, "case masquée", "cases masquées")} (secret statistique) ${data.suppressed > 1 ? "ne figurent" : "ne figure"} pas dans le graphique.`
      : " Toutes les cases du tableau sont représentées.";
  if (data.drawn === 0) {
    return (
      <p className="state research-chart__empty" role="note">
        Aucune case publiée à représenter : le graphique est vide.{data.suppressed > 0 ? note : ""}
      </p>
    );
  }
  const tooltip = (value: unknown) => formatValue(typeof value === "number" ? value : Number(value), unit);
  return (
    <ChartFrame block="research-chart" caption={caption} note={note} height={300}>
      {({ width, height }) => (
        <BarChart width={width} height={height} data={data.rows}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="category" />
          <YAxis width={64} allowDecimals={valueKindOf(unit) !== "COUNT"} tickFormatter={(v: number) => formatAxisValue(v, unit)} />
          <Tooltip formatter={tooltip} />
          {data.series.length > 1 && <Legend />}
          {data.series.map((s, i) => (
            <Bar key={s.key} dataKey={s.key} name={s.label} fill={COLORS[i % COLORS.length]} isAnimationActive={false} />
          ))}
        </BarChart>
      )}
    </ChartFrame>
  );
}
