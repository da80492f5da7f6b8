// Rebuilds src/main/resources/reference/ from @etalab/decoupage-administratif (version pinned in
// package.json and package-lock.json): the current communes with their EPCI and SIREN, the EPCIs, the EPTs, the
// départements and the regions, as compact semicolon-separated UTF-8 files. Run: npm ci && npm run build
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const pkgDir = dirname(require.resolve('@etalab/decoupage-administratif/package.json'));
const version = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')).version;
const read = (name) => JSON.parse(readFileSync(join(pkgDir, 'data', name), 'utf8'));
const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'main', 'resources', 'reference');
mkdirSync(out, { recursive: true });

const clean = (text) => String(text ?? '').replaceAll(';', ',').replaceAll('\n', ' ');
const csv = (header, rows) => [header.join(';'), ...rows.map((r) => r.map(clean).join(';'))].join('\n') + '\n';
const byCode = (a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

const epcis = read('epci.json');
const epciOf = new Map();
for (const epci of epcis) {
  for (const member of epci.membres) {
    epciOf.set(member.code, epci.code);
  }
}

// Current communes only: delegated and associated communes and municipal districts belong to a
// current commune, which is what EPCIs and the national list of territories are made of.
const communes = read('communes.json')
  .filter((c) => c.type === 'commune-actuelle')
  .map((c) => [c.code, c.nom, c.departement, c.region, epciOf.get(c.code) ?? '', c.population ?? '', c.siren ?? ''])
  .sort(byCode);
const epciRows = epcis.map((e) => [e.code, e.nom, e.type, e.populationMunicipale ?? '']).sort(byCode);
// EPTs of the Métropole du Grand Paris: members of a few official territories (issue #13), with their communes.
const epts = read('ept.json').map((e) => [e.code, e.nom, e.membres.map((m) => m.code).sort().join(' ')]).sort(byCode);
const departements = read('departements.json').map((d) => [d.code, d.nom, d.region]).sort(byCode);
const regions = read('regions.json').map((r) => [r.code, r.nom]).sort(byCode);

// gzip with a fixed header (no name, no time): the same input always gives the same bytes.
const gz = (text) => gzipSync(Buffer.from(text, 'utf8'), { level: 9 });
writeFileSync(join(out, 'communes.csv.gz'), gz(csv(['code', 'nom', 'departement', 'region', 'epci', 'population', 'siren'], communes)));
writeFileSync(join(out, 'epts.csv.gz'), gz(csv(['siren', 'nom', 'communes'], epts)));
writeFileSync(join(out, 'epcis.csv.gz'), gz(csv(['siren', 'nom', 'type', 'population'], epciRows)));
writeFileSync(join(out, 'departements.csv'), csv(['code', 'nom', 'region'], departements));
writeFileSync(join(out, 'regions.csv'), csv(['code', 'nom'], regions));
writeFileSync(join(out, 'SOURCE'), `@etalab/decoupage-administratif ${version}\n`
  + `communes ${communes.length} (current), epcis ${epciRows.length}, epts ${epts.length}, departements ${departements.length}, regions ${regions.length}\n`);
console.log(`reference data from @etalab/decoupage-administratif ${version}: ${communes.length} communes, `
  + `${epciRows.length} EPCIs, ${departements.length} départements, ${regions.length} regions`);
