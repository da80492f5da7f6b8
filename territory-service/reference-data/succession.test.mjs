// Plain unit tests of the succession rule (node --test; no file, no COG).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { successions, normalizedName } from './succession.mjs';

const t = (code, name, communes) => ({ code, name, communes: new Set(communes) });
const codes = (result, code) => result.get(code).successors.map((s) => s.code);

test('a territory that keeps its communes under a new code and a new name is succeeded', () => {
  const r = successions([t('ti-2704', 'Haut-Doubs Horloger', ['a', 'b', 'c'])],
    [t('ti-2701', 'Alliances Luxe et Précision Doubs', ['a', 'b', 'c']), t('ti-2704', 'Haut-Doubs Horloger bis', ['z'])]);
  assert.deepEqual(codes(r, 'ti-2704'), ['ti-2701']);
  assert.equal(r.get('ti-2704').by, 'communes');
});

test('at least half of the phase-1 communes is enough; less is not, unless it is half of the phase-2 territory', () => {
  const r = successions([t('p1', 'A', ['1', '2', '3', '4'])], [
    t('half', 'X', ['1', '2', '9', '10', '11']), // 2 of 4 of p1: half
    t('quarter', 'Y', ['3', '20', '21', '22', '23']), // 1 of 4 of p1, 1 of 5 of it: no
  ]);
  assert.deepEqual(codes(r, 'p1'), ['half']);
  const less = successions([t('p1', 'A', ['1', '2', '3', '4', '5'])], [t('x', 'X', ['1', '2', '9', '10', '11'])]);
  assert.deepEqual(codes(less, 'p1'), []); // 2 of 5 of p1, 2 of 5 of x
});

test('a split gives several successors, the one with most shared communes first', () => {
  const r = successions([t('ti-2403', 'Issoudun-Châteauroux', ['c1', 'c2', 'c3', 'i1', 'i2'])], [
    t('ti-2406', 'Issoudun', ['i1', 'i2']), // made only of it
    t('ti-2403', 'Châteauroux', ['c1', 'c2', 'c3', 'x1', 'x2', 'x3', 'x4']), // 3 of its 5 communes
  ]);
  assert.deepEqual(codes(r, 'ti-2403'), ['ti-2403', 'ti-2406']);
});

test('a merger: both phase-1 territories are succeeded by the same phase-2 territory', () => {
  const r = successions([t('ti-4413', 'Val de Lorraine', ['p', 'q', 'r']), t('ti-4409', 'Sel et Vermois', ['s'])],
    [t('ti-4420', 'Val de Lorraine', ['p', 'q', 'r', 's', 'n1', 'n2', 'n3', 'n4'])]);
  assert.deepEqual(codes(r, 'ti-4413'), ['ti-4420']);
  assert.deepEqual(codes(r, 'ti-4409'), ['ti-4420']);
});

test('a shared code is no succession by itself', () => {
  const r = successions([t('ti-7506', 'Libournais', ['l1', 'l2'])], [t('ti-7506', 'Creuse Industrie', ['c1', 'c2'])]);
  assert.deepEqual(codes(r, 'ti-7506'), []);
  assert.equal(r.get('ti-7506').by, null);
});

test('the same name is the fallback when no phase-2 territory passes the rule', () => {
  const r = successions([t('ti-0301', 'Pays d’Aigle', [])], [t('ti-2899', 'PAYS-D’AIGLE ', ['x'])]);
  assert.deepEqual(codes(r, 'ti-0301'), ['ti-2899']);
  assert.equal(r.get('ti-0301').by, 'name');
  // …but never over a territory that shares communes.
  const both = successions([t('p1', 'Nord', ['1', '2'])], [t('a', 'Nord', ['9']), t('b', 'Sud', ['1', '2'])]);
  assert.deepEqual(codes(both, 'p1'), ['b']);
});

test('names compare without case, accents, dashes or spacing', () => {
  assert.equal(normalizedName('Ardèche  Drôme-Nord'), normalizedName('ardeche drome nord'));
});
