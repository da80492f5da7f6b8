// Rebuilds src/main/resources/reference/ from two pinned npm packages (package.json and
// package-lock.json): @socialgouv/codes-naf (NAF rév. 2 subclasses, the level a company's APE code
// is given at) and @etalab/decoupage-administratif (current communes with their département,
// region and EPCI; EPCI, département and region names). Run: npm ci && npm run build
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const packageDir = (name) => dirname(require.resolve(`${name}/package.json`));
const versionOf = (name) => JSON.parse(readFileSync(join(packageDir(name), 'package.json'), 'utf8')).version;
const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'main', 'resources', 'reference');
mkdirSync(out, { recursive: true });

const clean = (text) => String(text ?? '').replaceAll(';', ',').replaceAll('\n', ' ').trim();
const csv = (header, rows) => [header.join(';'), ...rows.map((r) => r.map(clean).join(';'))].join('\n') + '\n';
const byCode = (a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
// gzip with a fixed header (no name, no time): the same input always gives the same bytes.
const gz = (text) => gzipSync(Buffer.from(text, 'utf8'), { level: 9 });

// NAF rév. 2: the package lists divisions, groups, classes and subclasses; companies are coded
// at the subclass level (NN.NNL), 732 of them.
const NAF = '@socialgouv/codes-naf';
const naf = JSON.parse(readFileSync(join(packageDir(NAF), 'index.json'), 'utf8'))
  .filter((c) => /^\d{2}\.\d{2}[A-Z]$/.test(c.id))
  .map((c) => [c.id, c.label])
  .sort(byCode);
writeFileSync(join(out, 'naf.csv'), csv(['code', 'libelle'], naf));

const ADMIN = '@etalab/decoupage-administratif';
const read = (name) => JSON.parse(readFileSync(join(packageDir(ADMIN), 'data', name), 'utf8'));
const epcis = read('epci.json');
const epciOf = new Map();
for (const epci of epcis) {
  for (const member of epci.membres) {
    epciOf.set(member.code, epci.code);
  }
}
const communes = read('communes.json')
  .filter((c) => c.type === 'commune-actuelle')
  .map((c) => [c.code, c.nom, c.departement, c.region, epciOf.get(c.code) ?? ''])
  .sort(byCode);
const epciRows = epcis.map((e) => [e.code, e.nom]).sort(byCode);
const departements = read('departements.json').map((d) => [d.code, d.nom, d.region]).sort(byCode);
const regions = read('regions.json').map((r) => [r.code, r.nom]).sort(byCode);
writeFileSync(join(out, 'communes.csv.gz'), gz(csv(['code', 'nom', 'departement', 'region', 'epci'], communes)));
writeFileSync(join(out, 'epcis.csv.gz'), gz(csv(['siren', 'nom'], epciRows)));
writeFileSync(join(out, 'departements.csv'), csv(['code', 'nom', 'region'], departements));
writeFileSync(join(out, 'regions.csv'), csv(['code', 'nom'], regions));

writeFileSync(join(out, 'SOURCE'), `${NAF} ${versionOf(NAF)}; ${ADMIN} ${versionOf(ADMIN)}\n`
  + `naf ${naf.length} subclasses; communes ${communes.length} (current), epcis ${epciRows.length}, `
  + `departements ${departements.length}, regions ${regions.length}\n`);
console.log(`reference data: ${naf.length} NAF subclasses (${NAF} ${versionOf(NAF)}), ${communes.length} communes, `
  + `${epciRows.length} EPCIs, ${departements.length} départements, ${regions.length} regions (${ADMIN} ${versionOf(ADMIN)})`);
