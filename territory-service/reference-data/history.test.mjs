// Plain unit tests of following a group absent from today's COG (node --test; fixtures, no file).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { followGroup, describe } from './history.mjs';

const older = new Map([
  ['200035459', { name: "CA d'Agen", communes: ['47001', '47002', '47003'] }],
  ['200071157', { name: 'CC des Hautes Vosges', communes: ['88001', '88002', '88003', '88004'] }],
]);
// Today: 47003 merged into the commune nouvelle 47002; Agen's communes all in one new agglomeration.
const todayCommune = (code) => ({ 47001: '47001', 47002: '47002', 47003: '47002', 88001: '88001', 88002: '88002', 88003: '88003' })[code] ?? null;
const todayGroup = (code) => ({ 47001: '200096956', 47002: '200096956', 88001: '200068997', 88002: '200068997', 88003: '248800000' })[code] ?? null;
const names = { 200096956: "CA Agglomération d'Agen", 200068997: 'CC Gérardmer Hautes Vosges', 248800000: 'CC X' };

test('a group merged since is followed through its communes to the group that took them all', () => {
  const f = followGroup('200035459', older, todayCommune, todayGroup);
  assert.deepEqual(f.successors, [{ siren: '200096956', communes: 3 }]);
  assert.deepEqual(f.lost, []);
  assert.equal(describe(f, (s) => names[s]), "CA d'Agen: merged into 200096956 CA Agglomération d'Agen (3 of its 3 communes)");
});

test('a group split since names each group, most communes first, and the communes lost', () => {
  const f = followGroup('200071157', older, todayCommune, todayGroup);
  assert.deepEqual(f.successors, [{ siren: '200068997', communes: 2 }, { siren: '248800000', communes: 1 }]);
  assert.deepEqual(f.lost, ['88004']);
  assert.match(describe(f, (s) => names[s]), /now in 200068997 .* \(2 of its 4 communes\), 248800000 .*; 1 communes in no group today$/);
});

test('a SIREN unknown to the older snapshot too stays unresolved', () => {
  assert.equal(followGroup('245400999', older, todayCommune, todayGroup), null);
  assert.match(describe(null), /unresolved/);
});
