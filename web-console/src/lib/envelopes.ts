/**
 * The statuses an envelope may be moved to, as the API describes the change (OPEN ↔ FROZEN, then
 * CLOSED for good): only the choices offered; the service decides and says why when it refuses.
 */
export function envelopeNextStatuses(status: string | undefined | null): string[] {
  switch (status) {
    case "OPEN": return ["FROZEN", "CLOSED"];
    case "FROZEN": return ["OPEN", "CLOSED"];
    default: return [];
  }
}

export interface CommitmentFigures { amount?: number | null; paid?: number | null; unpaid?: number | null }

/** What is committed and not paid yet, in euros (the view's `unpaid` when given, else amount − paid, in cents). */
export function unpaidOf(c: CommitmentFigures): number {
  if (c.unpaid !== undefined && c.unpaid !== null) return Number(c.unpaid);
  return (Math.round(Number(c.amount ?? 0) * 100) - Math.round(Number(c.paid ?? 0) * 100)) / 100;
}
