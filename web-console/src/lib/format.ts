/** French labels and formats of the platform's codes. */

export const PHASES: Record<string, string> = {
  "1": "Phase 1 (2019-2022)",
  "2": "Phase 2 (2023-2027)",
  "2019-2022": "Phase 1 (2019-2022)",
  "2023-2027": "Phase 2 (2023-2027)",
};

export const PRIORITIES: Record<string, string> = {
  RECRUIT: "Recruter",
  INNOVATE: "Innover",
  ATTRACT: "Attirer",
  SIMPLIFY: "Simplifier",
};

export const STATUSES: Record<string, string> = {
  CANDIDATE: "Candidat",
  LABELLED: "Labellisé",
  ACTIVE: "Actif",
  SUSPENDED: "Suspendu",
  ENDED: "Terminé",
  LEFT: "Sorti",
  DRAFT: "Brouillon",
  SUBMITTED: "Déposée",
  UNDER_REVIEW: "En instruction",
  APPROVED: "Approuvée",
  PARTIALLY_APPROVED: "Approuvée en partie",
  REJECTED: "Rejetée",
  WITHDRAWN: "Retirée",
  OPEN: "Ouverte",
  CLOSED: "Clôturée",
  FROZEN: "Gelée",
  FILLED: "Pourvu",
  CANCELLED: "Annulé",
  EXPIRED: "Expiré",
  PLANNED: "Prévue",
  IN_PROGRESS: "En cours",
  DONE: "Réalisée",
  ABANDONED: "Abandonnée",
};

export function label(dictionary: Record<string, string>, code: string | undefined | null): string {
  if (code === undefined || code === null || code === "") return "—";
  return dictionary[code] ?? code;
}

const euros = new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR", maximumFractionDigits: 2 });

/** 1234567.5 → "1 234 567,50 €" (narrow no-break spaces as French typography wants). */
export function formatEuros(amount: number | string | undefined | null): string {
  if (amount === undefined || amount === null || amount === "") return "—";
  const n = typeof amount === "string" ? Number(amount) : amount;
  return Number.isFinite(n) ? euros.format(n) : "—";
}

export function formatDate(iso: string | undefined | null): string {
  if (!iso) return "—";
  const d = new Date(iso.length === 10 ? `${iso}T00:00:00` : iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleDateString("fr-FR");
}

/** The phase query value (1 or 2) from what the registry says of a territory. */
export function phaseNumber(phase: string | number | undefined | null): "1" | "2" | undefined {
  if (phase === undefined || phase === null) return undefined;
  const s = String(phase);
  if (s === "1" || s.startsWith("2019")) return "1";
  if (s === "2" || s.startsWith("2023")) return "2";
  return undefined;
}

export const SITE_STATUSES: Record<string, string> = {
  AVAILABLE: "Disponible",
  UNDER_STUDY: "À l'étude",
  TAKEN: "Occupé",
};

export const SHEET_STATUSES: Record<string, string> = {
  IDEA: "Idée",
  IN_PROGRESS: "En cours",
  DONE: "Réalisée",
  ABANDONED: "Abandonnée",
};

export const COMMITTEES: Record<string, string> = {
  LOCAL_PROJECT: "Comité de projet",
  REGIONAL_STEERING: "Comité régional de pilotage",
};

/** What serves an industrial site (SiteRequest.services). */
export const SITE_SERVICES: Record<string, string> = {
  RAIL: "Voie ferrée",
  WATER: "Eau industrielle",
  POWER: "Électricité",
  GAS: "Gaz",
  FIBRE: "Fibre optique",
  MOTORWAY: "Autoroute",
  PORT: "Port",
};

export const TERRITORY_STATUSES: Record<string, string> = {
  CANDIDATE: "Candidat",
  LABELLED: "Labellisé",
  LEFT: "Sorti",
};

export const ENVELOPE_STATUSES: Record<string, string> = {
  OPEN: "Ouverte",
  FROZEN: "Gelée",
  CLOSED: "Clôturée",
};

export const PAYMENT_KINDS: Record<string, string> = {
  ADVANCE: "Avance",
  INSTALMENT: "Acompte",
  BALANCE: "Solde",
  REVERSAL: "Reversement",
};

export const COMMITMENT_STATUSES: Record<string, string> = {
  ACTIVE: "En cours",
  SETTLED: "Soldé",
  CANCELLED: "Annulé",
};

export const NEED_STATUSES: Record<string, string> = {
  OPEN: "Ouvert",
  PARTIALLY_FILLED: "Pourvu en partie",
  FILLED: "Pourvu",
  CANCELLED: "Annulé",
  EXPIRED: "Expiré",
};

export const SIZE_BANDS: Record<string, string> = {
  MICRO: "Microentreprise",
  SMALL: "Petite entreprise",
  MEDIUM: "Moyenne entreprise",
  INTERMEDIATE: "Entreprise de taille intermédiaire",
  LARGE: "Grande entreprise",
};

/** 0.25 → "25 %"; shares the services give as fractions of 1. */
export function formatShare(share: number | null | undefined): string {
  if (share === undefined || share === null || !Number.isFinite(share)) return "—";
  return `${(share * 100).toLocaleString("fr-FR", { maximumFractionDigits: 1 })} %`;
}
