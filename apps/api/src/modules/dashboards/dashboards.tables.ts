import { MSP_SIZE_BAND_LABELS, type MspSizeBand } from "@maillage/domain";

import { EXPERIMENT_LABELS, type Experiment, type ResultsDashboard } from "./models/results-dashboard.model.js";

/**
 * The dashboard's tables as spreadsheets (GET /exports/results-dashboard/:table.(csv|xlsx)): French headers, one
 * row per table row, the same figures as the API (euros rounded to the cent, shares and ratios to 4 decimals).
 * Text cells are neutralised against formula injection by toCsv/toXlsx (common/spreadsheet.ts).
 */
export type Cell = string | number | null;
export type ExportTable = { slug: string; fileName: string; sheetName: string; headers: string[]; rows: (d: ResultsDashboard) => Cell[][] };

const PROGRAMME_LABELS: Record<string, string> = { ACI: "ACI", PEPS: "PEPS", IPEP: "IPEP" };
const eur = (n: number | null): number | null => (n === null || n === undefined ? null : Math.round(n * 100) / 100);
const share = (n: number | null): number | null => (n === null || n === undefined ? null : Math.round(n * 10_000) / 10_000);
const programme = (p: string): string => PROGRAMME_LABELS[p] ?? p;

export const EXPORT_TABLES: readonly ExportTable[] = [
  {
    slug: "by-year",
    fileName: "resultats-par-annee",
    sheetName: "Par année",
    headers: ["Année", "Programme", "Nombre de MSP", "Patients", "Montant calculé (€)", "Montant par patient (€)", "1er quartile par patient (€)", "Médiane par patient (€)", "3e quartile par patient (€)", "Montant reçu (€)", "Périodes avec montant reçu"],
    rows: (d) => d.byYear.map((r) => [r.year, programme(r.programme), r.mspCount, r.patients, eur(r.computedEur), eur(r.perPatientEur), eur(r.q1PerPatientEur), eur(r.medianPerPatientEur), eur(r.q3PerPatientEur), eur(r.receivedEur), r.receivedCount]),
  },
  {
    slug: "by-departement",
    fileName: "resultats-par-departement",
    sheetName: "Par département",
    headers: ["Code département", "Département", "Nombre de MSP", "Patients", "ACI (€)", "PEPS (€)", "IPEP (€)", "Total (€)"],
    rows: (d) => d.byDepartement.map((r) => [r.departementCode, r.departementName, r.mspCount, r.patients, eur(r.aciEur), eur(r.pepsEur), eur(r.ipepEur), eur(r.totalEur)]),
  },
  {
    slug: "by-size-band",
    fileName: "resultats-par-taille",
    sheetName: "Par taille de MSP",
    headers: ["Taille de MSP", "Programme", "Nombre de MSP", "Patients", "Montant calculé (€)", "Montant par patient (€)", "Médiane par patient (€)"],
    rows: (d) => d.bySizeBand.map((r) => [MSP_SIZE_BAND_LABELS[r.sizeBand as MspSizeBand] ?? r.sizeBand, programme(r.programme), r.mspCount, r.patients, eur(r.computedEur), eur(r.perPatientEur), eur(r.medianPerPatientEur)]),
  },
  {
    slug: "by-experiment",
    fileName: "aci-par-experimentation",
    sheetName: "ACI par expérimentation",
    headers: ["Année", "Expérimentation", "Nombre de MSP", "Patients", "ACI (€)", "ACI par patient (€)", "Médiane par patient (€)"],
    rows: (d) => d.byExperiment.map((r) => [r.year, EXPERIMENT_LABELS[r.experiment as Experiment] ?? r.experiment, r.mspCount, r.patients, eur(r.aciEur), eur(r.perPatientEur), eur(r.medianPerPatientEur)]),
  },
  {
    slug: "peps-vs-fee-for-service",
    fileName: "peps-forfait-et-acte",
    sheetName: "PEPS et paiement à l'acte",
    headers: ["Année", "Nombre de MSP", "Patients", "Forfaits PEPS (€)", "Équivalent paiement à l'acte (€)", "Ratio forfait / acte", "Données illustratives"],
    rows: (d) => d.pepsVsFeeForService.years.map((r) => [r.year, r.mspCount, r.patients, eur(r.forfaitEur), eur(r.feeForServiceEur), share(r.ratio), r.illustrative ? "oui" : "non"]),
  },
  {
    slug: "peps-points",
    fileName: "peps-par-msp",
    sheetName: "PEPS par MSP",
    headers: ["Année", "MSP", "Code département", "Patients", "Forfait PEPS (€)", "Équivalent paiement à l'acte (€)", "Données illustratives"],
    rows: (d) => d.pepsVsFeeForService.points.map((r) => [r.year, r.projectName, r.departementCode, r.patients, eur(r.forfaitEur), eur(r.feeForServiceEur), r.illustrative ? "oui" : "non"]),
  },
  {
    slug: "aci-indicators",
    fileName: "aci-indicateurs",
    sheetName: "Indicateurs ACI",
    headers: ["Année", "Code indicateur", "Indicateur", "MSP concernées", "MSP l'ayant atteint", "Part atteinte"],
    rows: (d) => d.aciIndicators.map((r) => [r.year, r.code, r.label, r.mspCount, r.achievedCount, share(r.achievedShare)]),
  },
];

export const exportTable = (slug: string): ExportTable | undefined => EXPORT_TABLES.find((t) => t.slug === slug);
