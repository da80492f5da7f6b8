/** An RFC 9457 problem as the platform's services answer it (DESIGN.md §5). */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: { field?: string; message?: string }[];
}

/** A call that did not succeed: the HTTP status and, when the service sent one, its problem. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(status: number, problem: Problem) {
    super(problem.detail || problem.title || `Erreur ${status}`);
    this.status = status;
    this.problem = problem;
  }

  /** Messages by field name, for showing each one next to its field. */
  get fieldErrors(): Record<string, string> {
    return fieldErrors(this.problem);
  }

  /** Someone else changed the record since it was read (If-Match did not match). */
  get isConflict(): boolean {
    return this.status === 412 || this.status === 409;
  }
}

/** Messages by field name; two rules broken on one field are joined. */
export function fieldErrors(problem: Problem): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of problem.errors ?? []) {
    if (!e.field) continue;
    const key = normaliseField(e.field);
    out[key] = out[key] ? `${out[key]} ; ${e.message ?? ""}` : e.message ?? "valeur refusée";
  }
  return out;
}

/**
 * The messages of a list field and of its items ("recruitmentNeeds", "recruitmentNeeds[1]",
 * "services[0]"): one sentence for the group of checkboxes that stands for the list; undefined when none.
 */
export function errorsUnder(errors: Record<string, string>, field: string): string | undefined {
  const messages = Object.entries(errors)
    .filter(([k]) => k === field || k.startsWith(`${field}[`) || k.startsWith(`${field}.`))
    .map(([k, m]) => {
      if (k === field) return m;
      const rest = k.slice(field.length);
      const item = /^\[(\d+)\](.*)$/.exec(rest);
      return `${item ? `n° ${Number(item[1]) + 1}${item[2]}` : rest.slice(1)} : ${m}`;
    });
  return messages.length ? messages.join(" ; ") : undefined;
}

/** The services already name the client's field ("name", "lines[1].amount"); a bare body error is "body". */
export function normaliseField(field: string): string {
  return field.trim();
}

/** A sentence for the whole problem, in French when the status is one users meet. */
export function summary(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 412) {
      return "Quelqu'un d'autre a modifié cet enregistrement depuis que vous l'avez ouvert : rien n'a été enregistré. Votre saisie est conservée ci-dessous ; rechargez la page pour voir la version actuelle, puis refaites votre modification.";
    }
    if (error.status === 428) {
      return "La modification n'indiquait pas la version lue de l'enregistrement : rien n'a été enregistré. Rechargez la page, puis refaites votre modification.";
    }
    if (error.status === 401) return "Votre session a expiré : reconnectez-vous.";
    if (error.status === 403) return "Vous n'avez pas le droit de faire cette opération.";
    const p = error.problem;
    return [p.title, p.detail].filter(Boolean).join(" — ") || `Erreur ${error.status}`;
  }
  return error instanceof Error ? error.message : String(error);
}
