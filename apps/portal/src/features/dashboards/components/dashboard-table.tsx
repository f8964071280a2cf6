import type { ReactNode } from "react";
import { type DashboardFilters, exportUrl, type ExportTableSlug } from "../utils/filters";

export type Column<T> = { header: string; cell: (row: T) => ReactNode; numeric?: boolean };

type DashboardTableProps<T> = {
  title: string;
  table: ExportTableSlug;
  filters: DashboardFilters;
  columns: readonly Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  note?: ReactNode;
};

/** One table of the dashboard, with its « Exporter CSV / XLSX » links (same filters, served by the API). */
export function DashboardTable<T>({ title, table, filters, columns, rows, rowKey, note }: DashboardTableProps<T>) {
  return (
    <div className="dashboard-table">
      <div className="dashboard-table__actions">
        <a className="button button--small" href={exportUrl(table, "csv", filters)} download>
          Exporter CSV<span className="visually-hidden"> — {title}</span>
        </a>
        <a className="button button--small" href={exportUrl(table, "xlsx", filters)} download>
          Exporter XLSX<span className="visually-hidden"> — {title}</span>
        </a>
      </div>
      {rows.length === 0 ? (
        <p className="state">Aucune donnée pour ces filtres.</p>
      ) : (
        <div className="table-wrapper">
          <table className="table">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                {columns.map((c) => (
                  <th key={c.header} scope="col" className={c.numeric ? "dashboard-table__num" : undefined}>
                    {c.header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={rowKey(row)}>
                  {columns.map((c) => (
                    <td key={c.header} className={c.numeric ? "dashboard-table__num" : undefined}>
                      {c.cell(row)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {note && <p className="table__note">{note}</p>}
    </div>
  );
}
