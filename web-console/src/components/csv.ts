/** The services name a refused CSV cell "line 3: rome_code" (or a whole row "line 3"): said in French. */
export function lineAndColumn(field: string | undefined): string {
  const m = /^line (\d+)(?::\s*(.+))?$/.exec((field ?? "").trim());
  if (!m) return field ?? "";
  return m[2] ? `ligne ${m[1]}, colonne ${m[2]}` : `ligne ${m[1]}`;
}

/** What became of each row, in French (the API's outcome codes). */
export const OUTCOMES: Record<string, string> = {
  DECLARED: "Déclaré", CREATED: "Créé", UPDATED: "Mis à jour", UNCHANGED: "Inchangé", REJECTED: "Refusé",
};
