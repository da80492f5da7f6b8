// Where a group that is no longer in today's COG went (issue #13): a member SIREN of an official list
// absent from the pinned COG is looked up in an older COG snapshot (an older version of
// @etalab/decoupage-administratif, the only COG source the build reaches that holds groups since
// dissolved: no package publishes the EPCI history itself), and followed to today through its
// communes: each of its communes then, as today's commune (a commune merged since counts as its
// commune nouvelle), in today's EPCI. Kept apart from any file so that it is tested on its own
// (history.test.mjs).

/**
 * @param siren the member SIREN absent from today's COG
 * @param older Map SIREN → {name, communes: [INSEE]} of an older snapshot's groups
 * @param todayCommune (INSEE then) → INSEE of today's commune holding it, or null
 * @param todayGroup (INSEE today) → SIREN of today's EPCI holding it, or null
 * @returns null when the older snapshot does not know the SIREN either; else
 *   {name, communes, successors: [{siren, communes}] most communes first, lost: [INSEE then with no group today]}
 */
export function followGroup(siren, older, todayCommune, todayGroup) {
  const then = older.get(siren);
  if (!then) return null;
  const counts = new Map();
  const lost = [];
  for (const code of then.communes) {
    const now = todayCommune(code);
    const group = now ? todayGroup(now) : null;
    if (group) counts.set(group, (counts.get(group) ?? 0) + 1);
    else lost.push(code);
  }
  const successors = [...counts].map(([s, n]) => ({ siren: s, communes: n }))
    .sort((a, b) => b.communes - a.communes || (a.siren < b.siren ? -1 : 1));
  return { name: then.name, communes: then.communes.length, successors, lost };
}

/** How the import report says it: "merged into …" when one group took all its communes. */
export function describe(followed, nameOf) {
  if (!followed) return 'not in the older COG snapshot either: kept as published, unresolved';
  const parts = followed.successors.map((s) => `${s.siren} ${nameOf(s.siren)} (${s.communes} of its ${followed.communes} communes)`);
  const lost = followed.lost.length ? `; ${followed.lost.length} communes in no group today` : '';
  if (followed.successors.length === 1 && !followed.lost.length) return `${followed.name}: merged into ${parts[0]}`;
  return `${followed.name}: its communes are now in ${parts.join(', ') || 'no group'}${lost}`;
}
