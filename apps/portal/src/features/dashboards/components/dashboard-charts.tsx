import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ReferenceLine, Scatter, ScatterChart, Tooltip, XAxis, YAxis, ZAxis } from "recharts";
import type { ResultsDashboardQuery } from "../../../gql/graphql";
import { PROGRAMME_LABELS, PROGRAMMES, SIZE_BAND_LABELS, SIZE_BANDS } from "../utils/filters";
import { formatCompact, formatEur, formatEurPerPatient } from "../utils/money";
import { ChartFrame } from "../../../shared/components/chart-frame";

type Dashboard = ResultsDashboardQuery["resultsDashboard"];

/** Programme colours (colour-blind-safe Okabe–Ito pairs); series are also named in legends and tooltips. */
const COLORS = { ACI: "#0072B2", PEPS: "#D55E00", IPEP: "#009E73", NONE: "#7f8c99", FFS: "#56B4E9" } as const;
const eurTooltip = (value: unknown) => formatEur(typeof value === "number" ? value : Number(value));
const perPatientTooltip = (value: unknown) => formatEurPerPatient(typeof value === "number" ? value : Number(value));

/** One row per year, one column per programme. */
function pivotYears(rows: Dashboard["byYear"], value: (r: Dashboard["byYear"][number]) => number | null) {
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
  return years.map((year) => ({
    year: String(year),
    ...Object.fromEntries(rows.filter((r) => r.year === year).map((r) => [r.programme, value(r)])),
  }));
}

export function AmountsByYearChart({ rows }: { rows: Dashboard["byYear"] }) {
  const data = pivotYears(rows, (r) => r.computedEur);
  const present = PROGRAMMES.filter((p) => rows.some((r) => r.programme === p));
  return (
    <ChartFrame block="dashboard-chart" caption="Montants calculés par année et par programme (€)">
      {({ width, height }) => (
        <BarChart width={width} height={height} data={data}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="year" />
          <YAxis tickFormatter={formatCompact} width={60} />
          <Tooltip formatter={eurTooltip} />
          <Legend />
          {present.map((p) => (
            <Bar key={p} dataKey={p} name={PROGRAMME_LABELS[p]} stackId="total" fill={COLORS[p]} isAnimationActive={false} />
          ))}
        </BarChart>
      )}
    </ChartFrame>
  );
}

export function PerPatientByYearChart({ rows }: { rows: Dashboard["byYear"] }) {
  const data = pivotYears(rows, (r) => r.medianPerPatientEur ?? null);
  const present = PROGRAMMES.filter((p) => rows.some((r) => r.programme === p));
  return (
    <ChartFrame block="dashboard-chart" caption="Montant médian par patient, par année et par programme (€ par patient)">
      {({ width, height }) => (
        <LineChart width={width} height={height} data={data}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="year" />
          <YAxis width={60} />
          <Tooltip formatter={perPatientTooltip} />
          <Legend />
          {present.map((p) => (
            <Line key={p} type="monotone" dataKey={p} name={PROGRAMME_LABELS[p]} stroke={COLORS[p]} strokeWidth={2} connectNulls isAnimationActive={false} />
          ))}
        </LineChart>
      )}
    </ChartFrame>
  );
}

export function SizeBandChart({ rows }: { rows: Dashboard["bySizeBand"] }) {
  const data = SIZE_BANDS.filter((b) => rows.some((r) => r.sizeBand === b)).map((b) => ({
    band: SIZE_BAND_LABELS[b],
    ...Object.fromEntries(rows.filter((r) => r.sizeBand === b).map((r) => [r.programme, r.perPatientEur])),
  }));
  const present = PROGRAMMES.filter((p) => rows.some((r) => r.programme === p));
  return (
    <ChartFrame block="dashboard-chart" caption="Montant par patient selon la taille de la MSP (€ par patient)">
      {({ width, height }) => (
        <BarChart width={width} height={height} data={data}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="band" />
          <YAxis width={60} />
          <Tooltip formatter={perPatientTooltip} />
          <Legend />
          {present.map((p) => (
            <Bar key={p} dataKey={p} name={PROGRAMME_LABELS[p]} fill={COLORS[p]} isAnimationActive={false} />
          ))}
        </BarChart>
      )}
    </ChartFrame>
  );
}

const EXPERIMENT_SERIES = [
  { key: "PEPS", label: "Équipes PEPS" },
  { key: "IPEP", label: "Équipes IPEP" },
  { key: "NONE", label: "Sans expérimentation" },
] as const;

export function ExperimentChart({ rows }: { rows: Dashboard["byExperiment"] }) {
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
  const data = years.map((year) => ({ year: String(year), ...Object.fromEntries(rows.filter((r) => r.year === year).map((r) => [r.experiment, r.perPatientEur])) }));
  return (
    <ChartFrame block="dashboard-chart" caption="ACI par patient selon la participation à une expérimentation la même année (€ par patient)">
      {({ width, height }) => (
        <BarChart width={width} height={height} data={data}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="year" />
          <YAxis width={60} />
          <Tooltip formatter={perPatientTooltip} />
          <Legend />
          {EXPERIMENT_SERIES.filter((s) => rows.some((r) => r.experiment === s.key)).map((s) => (
            <Bar key={s.key} dataKey={s.key} name={s.label} fill={COLORS[s.key]} isAnimationActive={false} />
          ))}
        </BarChart>
      )}
    </ChartFrame>
  );
}

export function PepsVsFeeForServiceCharts({ data }: { data: Dashboard["pepsVsFeeForService"] }) {
  const years = data.years.map((y) => ({ year: String(y.year), forfait: y.forfaitEur, acte: y.feeForServiceEur }));
  const points = data.points.map((p) => ({ x: p.feeForServiceEur, y: p.forfaitEur, name: `${p.projectName} (${p.year})` }));
  const max = Math.max(1, ...points.flatMap((p) => [p.x, p.y]));
  return (
    <div className="dashboard-charts-pair">
      <ChartFrame block="dashboard-chart" caption="Forfaits PEPS et équivalent paiement à l'acte, par année (€)">
        {({ width, height }) => (
          <BarChart width={width} height={height} data={years}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="year" />
            <YAxis tickFormatter={formatCompact} width={60} />
            <Tooltip formatter={eurTooltip} />
            <Legend />
            <Bar dataKey="forfait" name="Forfaits PEPS" fill={COLORS.PEPS} isAnimationActive={false} />
            <Bar dataKey="acte" name="Équivalent paiement à l'acte" fill={COLORS.FFS} isAnimationActive={false} />
          </BarChart>
        )}
      </ChartFrame>
      <ChartFrame block="dashboard-chart" caption="Une MSP-année par point : forfait PEPS (vertical) contre équivalent à l'acte (horizontal) ; au-dessus de la diagonale, le forfait dépasse l'acte.">
        {({ width, height }) => (
          <ScatterChart width={width} height={height}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis type="number" dataKey="x" name="Équivalent à l'acte" tickFormatter={formatCompact} domain={[0, max]} />
            <YAxis type="number" dataKey="y" name="Forfait PEPS" tickFormatter={formatCompact} domain={[0, max]} width={60} />
            <ZAxis dataKey="name" name="MSP" />
            <Tooltip formatter={(v) => (typeof v === "number" ? formatEur(v) : String(v))} />
            <ReferenceLine segment={[{ x: 0, y: 0 }, { x: max, y: max }]} stroke="#556270" strokeDasharray="4 4" />
            <Scatter data={points} fill={COLORS.PEPS} isAnimationActive={false} />
          </ScatterChart>
        )}
      </ChartFrame>
    </div>
  );
}
