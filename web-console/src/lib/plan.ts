/** The co-financing plan being typed: lines of (envelope, amount in euros as typed). */
export interface PlanLine {
  envelopeId: string;
  amount: string;
}

/** "12 500,50" or "12500.5" → 12500.5; undefined when it is not an amount. */
export function parseEuros(typed: string): number | undefined {
  const cleaned = typed.replace(/[\s\u00a0\u202f€]/g, "").replace(",", ".");
  if (cleaned === "" || !/^-?\d+(\.\d+)?$/.test(cleaned)) return undefined;
  return Number(cleaned);
}

/**
 * The plan as the API's contract names it (NewApplication.plan: [{envelopeId, requested}]), lines
 * without an envelope left out; an amount that is not one is sent as typed, for the API to name it.
 */
export function requestedOf(lines: PlanLine[]): { envelopeId: string; requested: number | string }[] {
  return lines
    .filter((l) => l.envelopeId)
    .map((l) => ({ envelopeId: l.envelopeId, requested: parseEuros(l.amount) ?? l.amount }));
}

/** Sum of the public funding asked, in cents to avoid float drift; undefined if a line is not an amount. */
export function totalRequested(lines: PlanLine[]): number | undefined {
  let cents = 0;
  for (const l of lines.filter((x) => x.envelopeId)) {
    const v = parseEuros(l.amount);
    if (v === undefined) return undefined;
    cents += Math.round(v * 100);
  }
  return cents / 100;
}
