// The succession rule between the programme's two official lists (issue #13), kept apart from any
// file so that it is tested on its own (succession.test.mjs, run by `npm test` and the Maven build).
//
// Codes are per phase and ANCT reused many phase-1 codes for other places, and renamed many places:
// neither the code nor the name says which phase-2 territory continues a phase-1 territory. Their
// members do. Both territories are expanded to their communes (an EPCI or EPT to its member
// communes, a single-commune member to itself, all in today's COG), and:
//
//   a phase-2 territory succeeds a phase-1 territory when they share communes and the shared
//   communes are at least half of the phase-1 territory's communes (it continues there) or at least
//   half of the phase-2 territory's communes (it was made mostly out of it: a split or a merger).
//
// So a phase-1 territory may have several successors (Vosges split into three), and a phase-2
// territory several predecessors (Val de Lorraine took in Sel et Vermois). When no phase-2 territory
// passes the rule (no commune known, or members too scattered), a phase-2 territory of the same name
// (case, accents, dashes and spacing aside) is the successor, as before; otherwise there is none.

/** The name as compared: no accents, lower case, words only. */
export const normalizedName = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
  .replace(/[^a-z0-9]+/g, ' ').trim();

/**
 * @param phase1 [{code, name, communes: Set<INSEE code>}]
 * @param phase2 the same for phase 2
 * @returns Map phase-1 code → {successors: [{code, shared}] (most shared communes first, then by code), by: 'communes' | 'name' | null}
 */
export function successions(phase1, phase2) {
  const byName = new Map(phase2.map((t) => [normalizedName(t.name), t]));
  const result = new Map();
  for (const before of phase1) {
    const successors = [];
    for (const after of phase2) {
      let shared = 0;
      for (const commune of before.communes) if (after.communes.has(commune)) shared++;
      if (shared > 0 && (2 * shared >= before.communes.size || 2 * shared >= after.communes.size)) {
        successors.push({ code: after.code, shared });
      }
    }
    successors.sort((a, b) => b.shared - a.shared || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    if (successors.length > 0) {
      result.set(before.code, { successors, by: 'communes' });
      continue;
    }
    const sameName = byName.get(normalizedName(before.name));
    result.set(before.code, sameName ? { successors: [{ code: sameName.code, shared: 0 }], by: 'name' }
      : { successors: [], by: null });
  }
  return result;
}
