import type { ResearchPeriodRow } from "./research.repository.js";

type PeriodSource = {
  periods(indicatorCode: string | null): Promise<ResearchPeriodRow[]>;
  periodsChangedSince(indicatorCode: string | null, since: string): Promise<ResearchPeriodRow[]>;
};

/**
 * The approved periods of the last data version read, per indicator, by period id: a new version (an approval, an
 * unlock) reads only the periods changed since the previous version's last change, when the opted-in federations
 * are the same and the count then matches the new version's; anything else reads them all again. A data version is
 * `count|last change|federations` (ResearchRepository.dataVersion).
 */
export class PeriodSnapshots {
  private readonly byIndicator = new Map<string, { version: string; rows: Map<string, ResearchPeriodRow> }>();

  constructor(
    private readonly source: PeriodSource,
    private readonly capacity: number,
  ) {}

  async read(dataVersion: string, indicatorCode: string | null): Promise<ResearchPeriodRow[]> {
    const key = indicatorCode ?? "";
    const [count, , federations] = dataVersion.split("|");
    const previous = this.byIndicator.get(key);
    const [, previousLast, previousFederations] = previous?.version.split("|") ?? [];
    let byId: Map<string, ResearchPeriodRow> | null = null;
    if (previous && previousLast && previousFederations === federations) {
      byId = new Map(previous.rows);
      for (const row of await this.source.periodsChangedSince(indicatorCode, previousLast)) {
        if (row.approved) byId.set(row.periodId, row);
        else byId.delete(row.periodId);
      }
      if (byId.size !== Number(count)) byId = null;
    }
    byId ??= new Map((await this.source.periods(indicatorCode)).map((r) => [r.periodId, r]));
    this.byIndicator.delete(key);
    this.byIndicator.set(key, { version: dataVersion, rows: byId });
    while (this.byIndicator.size > this.capacity) this.byIndicator.delete(this.byIndicator.keys().next().value as string);
    return [...byId.values()];
  }
}
