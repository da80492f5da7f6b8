// Browser journeys of the web console, one per role, in real headless Chromium against a running
// platform and its real Keycloak login page. Run by e2e-tests (ConsoleJourneysIT) with:
//   BASE_URL=http://localhost:8080 OUT_DIR=... node e2e/journeys.mjs
// Each page: a screenshot in OUT_DIR, an axe-core check (no serious or critical violation), and no
// Content-Security-Policy violation. Exit code 0 only when every journey passed.
import { chromium } from "playwright-core";
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const BASE = process.env.BASE_URL ?? "http://localhost:8080";
const OUT = process.env.OUT_DIR ?? join(dirname(new URL(import.meta.url).pathname), "..", "target", "journeys");
const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
const ONLY = process.env.JOURNEYS ? process.env.JOURNEYS.split(",") : undefined;
const PASSWORD = "demo";
const RUN = Date.now().toString(36);

mkdirSync(OUT, { recursive: true });
const report = [];

class Journey {
  constructor(name) {
    this.name = name;
    this.steps = 0;
    this.cspViolations = [];
  }

  async open() {
    this.profile = mkdtempSync(join(tmpdir(), "console-chromium-"));
    this.context = await chromium.launchPersistentContext(this.profile, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1280, height: 900 },
      locale: "fr-FR",
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
    });
    this.page = this.context.pages()[0] ?? (await this.context.newPage());
    this.page.setDefaultTimeout(30_000);
    this.page.on("console", (m) => {
      if (/Content[- ]Security[- ]Policy/i.test(m.text())) this.cspViolations.push(m.text());
    });
    this.page.on("pageerror", (e) => console.log(`[${this.name}] page error: ${e.message}`));
    return this.page;
  }

  async close() {
    await this.context?.close();
    if (this.profile) rmSync(this.profile, { recursive: true, force: true });
  }

  /** Screenshot and accessibility check of the page as it is now. */
  async check(label) {
    const page = this.page;
    this.steps++;
    const file = join(OUT, `${this.name}-${String(this.steps).padStart(2, "0")}-${label}.png`);
    await page.screenshot({ path: file, fullPage: true });
    // Evaluated through the DevTools protocol: the page's CSP (no inline script) stays on.
    await page.evaluate(AXE);
    const result = await page.evaluate(async () => {
      // eslint-disable-next-line no-undef
      const r = await axe.run(document, { resultTypes: ["violations"] });
      return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")) }));
    });
    const blocking = result.filter((v) => v.impact === "serious" || v.impact === "critical");
    report.push({ journey: this.name, page: label, url: page.url(), screenshot: file, violations: result });
    if (blocking.length) {
      throw new Error(`${label}: accessibility violations ${JSON.stringify(blocking, null, 1)}`);
    }
    if (this.cspViolations.length) {
      throw new Error(`${label}: Content-Security-Policy violations ${this.cspViolations.join(" | ")}`);
    }
    console.log(`[${this.name}] ${label}: ${page.url()} — ok (${result.length} minor a11y remarks)`);
  }

  /** Through the console's button, then the real Keycloak login page. */
  async login(username) {
    const page = this.page;
    await page.goto(`${BASE}/espace`);
    await page.getByRole("button", { name: "Se connecter" }).first().click();
    await page.waitForSelector("#username");
    this.steps++;
    await page.screenshot({ path: join(OUT, `${this.name}-${String(this.steps).padStart(2, "0")}-keycloak.png`) });
    await page.fill("#username", username);
    await page.fill("#password", PASSWORD);
    await page.click("#kc-login");
    await page.waitForURL((u) => u.toString().startsWith(`${BASE}/espace`));
    await page.getByText(`Connecté en tant que`).waitFor();
  }
}

async function journey(name, body) {
  if (ONLY && !ONLY.includes(name)) return;
  const j = new Journey(name);
  const started = Date.now();
  try {
    await j.open();
    await body(j, j.page);
    console.log(`JOURNEY ${name}: PASSED in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return true;
  } catch (e) {
    console.log(`JOURNEY ${name}: FAILED — ${e.stack ?? e}`);
    try {
      await j.page?.screenshot({ path: join(OUT, `${name}-FAILED.png`), fullPage: true });
    } catch { /* the page may be gone */ }
    return false;
  } finally {
    await j.close();
  }
}

const results = [];

// Anyone: the map and its table, the list's filters, a territory's public page and its sites; deep links.
results.push(await journey("visiteur", async (j, page) => {
  await page.goto(`${BASE}/`);
  await page.getByRole("heading", { name: "Carte nationale des Territoires d'industrie" }).waitFor();
  await page.locator("#table-carte tbody tr").first().waitFor();
  // The map shows the outlines, or says they are unavailable; the table works either way.
  await page.waitForFunction(() => {
    const map = document.querySelector("[data-testid=carte]");
    return (map && map.getAttribute("data-state") === "ready") || document.body.innerText.includes("Contours indisponibles");
  });
  await j.check("carte");
  const first = page.locator("#table-carte tbody tr a").first();
  const name = (await first.textContent()).trim();
  await first.click();
  await page.getByRole("heading", { level: 1, name }).waitFor();
  await j.check("territoire-profil");
  await page.getByRole("tab", { name: "Binôme et gouvernance" }).click();
  await page.getByRole("heading", { name: "Binôme" }).waitFor();
  await page.getByRole("tab", { name: "Sites et friches" }).click();
  await page.getByText(/Sites industriels et friches \(\d+\)/).waitFor();
  await j.check("territoire-sites");
  // A deep link typed or reloaded: the gateway gives the console, which shows the page.
  const deep = page.url();
  await page.goto(deep);
  await page.getByRole("heading", { level: 1, name }).waitFor();
  await page.goto(`${BASE}/territoires?q=${encodeURIComponent(name.slice(0, 6))}`);
  await page.getByText(/territoires? trouvés?/).waitFor();
  await page.getByRole("link", { name }).first().waitFor();
  await j.check("liste");
  await page.getByLabel("Région").selectOption("44");
  await page.getByRole("button", { name: "Rechercher" }).click();
  await page.waitForURL(/region=44/);
  await page.getByText(/territoires? trouvés?/).waitFor();
  await page.goto(`${BASE}/donnees`);
  await page.getByRole("heading", { name: "Données ouvertes" }).waitFor();
  // The downloads point at the files (react-dsfr's router link once dropped an href: they pointed at the page).
  await page.locator('main a.fr-download__link[href="/api/territories/export?format=csv&phase=2023-2027"]').waitFor();
  await page.locator('footer a[href="/q/swagger-ui"]').first().waitFor();
  await j.check("donnees");
  // The partner guide, public, reached from the header: the contracts' links and the commands to copy.
  await page.locator("header").getByRole("link", { name: "Partenaires", exact: true }).first().click();
  await page.getByRole("heading", { level: 1, name: /Guide des partenaires/ }).waitFor();
  for (const href of ["/api/docs/openapi.json", "/api/docs/asyncapi.yaml", "/api/docs/asyncapi.bundled.yaml", "/q/swagger-ui"]) {
    await page.locator(`main a[href="${href}"]${href.startsWith("/api") ? ".fr-download__link" : ""}`).first().waitFor();
  }
  await page.getByText("CloudEventDeserializer.class", { exact: false }).waitFor();
  await page.getByRole("heading", { name: "Dédupliquer par ce_id" }).waitFor();
  for (const contract of ["/api/docs/openapi.json", "/api/docs/asyncapi.yaml", "/api/docs/asyncapi.bundled.yaml"]) {
    const answer = await page.request.get(`${BASE}${contract}`);
    if (answer.status() !== 200) throw new Error(`${contract} answered ${answer.status()}`);
  }
  await j.check("partenaires");
  await page.goto(`${BASE}/partenaires`);
  await page.getByRole("heading", { level: 1, name: /Guide des partenaires/ }).waitFor();
  await page.goto(`${BASE}/nulle-part`);
  await page.getByRole("heading", { name: "Page non trouvée" }).waitFor();
}));

const applicationTitle = `Formation de soudeurs ${RUN}`;

// The project lead: dashboard, a new action sheet, an application with its co-financing plan, submitted.
results.push(await journey("porteur", async (j, page) => {
  await j.login("lead.valdelorraine");
  await j.check("espace");
  await page.getByRole("link", { name: /Mon territoire/ }).first().click();
  await page.getByRole("heading", { name: /Tableau de bord/ }).waitFor();
  await page.getByRole("heading", { name: "Fiches action" }).waitFor();
  await j.check("tableau-de-bord");
  const sheet = page.locator("form[aria-labelledby=nouvelle-fiche]");
  // The API's problem shows next to the field it names, and what was typed stays.
  await sheet.getByLabel("Porteur").fill("CC du Bassin de Pompey");
  await sheet.getByRole("button", { name: "Ajouter la fiche" }).click();
  await sheet.locator(".fr-input-group--error").first().waitFor();
  if ((await sheet.getByLabel("Porteur").inputValue()) !== "CC du Bassin de Pompey") throw new Error("typed input lost");
  await j.check("fiche-erreur");
  await sheet.getByLabel("Titre").fill(`Plateforme de formation ${RUN}`);
  await sheet.getByRole("button", { name: "Ajouter la fiche" }).click();
  await sheet.getByText("Fiche action ajoutée.").waitFor();
  await page.getByRole("cell", { name: `Plateforme de formation ${RUN}` }).waitFor();
  const form = page.locator("form[aria-labelledby=nouveau-dossier]");
  await form.getByLabel("Intitulé du projet").fill(applicationTitle);
  await form.getByLabel("SIRET du porteur").fill("24540060100002");
  await form.getByLabel("Nom du porteur").fill("CC du Bassin de Pompey");
  await form.getByLabel("Coût éligible (€)").fill("100000");
  const envelope = form.getByLabel("Enveloppe (ligne 1)");
  await page.waitForFunction(() => document.querySelectorAll("select[name=envelope-0] option").length > 1);
  // The Region's own envelope: its officer decides that line (a national envelope is the programme team's).
  const value = await envelope.locator("option", { hasText: "Région Grand Est" }).first().getAttribute("value");
  await envelope.selectOption(value);
  await form.getByLabel("Montant demandé (ligne 1, €)").fill("60 000");
  await form.getByRole("button", { name: "Enregistrer le dossier" }).click();
  await form.getByText(/Dossier enregistré en brouillon/).waitFor();
  const row = page.getByRole("row").filter({ hasText: applicationTitle });
  await row.getByRole("button", { name: "Déposer" }).click();
  await page.getByText(`Dossier « ${applicationTitle} » déposé.`).waitFor();
  await row.getByText("Déposée").waitFor();
  await j.check("dossier-depose");
}));

// The Region's officer: takes the application under review, approves it for less than asked.
results.push(await journey("region", async (j, page) => {
  await j.login("officer.grandest");
  await page.getByRole("link", { name: /Ma région/ }).first().click();
  await page.getByRole("heading", { name: /Dossiers à instruire/ }).waitFor();
  const card = page.getByRole("article", { name: new RegExp(applicationTitle) });
  await card.waitFor();
  await j.check("dossiers");
  await card.getByRole("button", { name: "Prendre en instruction" }).click();
  const reviewed = page.getByRole("article", { name: new RegExp(applicationTitle) });
  await reviewed.getByRole("button", { name: "Approuver" }).waitFor();
  await reviewed.getByLabel(/Montant accordé/).fill("50000");
  await reviewed.getByRole("button", { name: "Approuver" }).click();
  await page.getByRole("article", { name: new RegExp(applicationTitle) }).waitFor({ state: "detached" });
  // The report's accessible table (its caption names it), beside its chart.
  await page.getByRole("table", { name: "Financements par priorité" }).waitFor();
  await j.check("rapports");
}));

// The company: declares a recruitment need, then marks it filled.
results.push(await journey("entreprise", async (j, page) => {
  await j.login("company.demo");
  await page.getByRole("link", { name: /Mon entreprise/ }).first().click();
  await page.getByRole("heading", { name: "Déclarer un besoin" }).waitFor();
  await j.check("entreprise");
  const form = page.locator("form[aria-labelledby=declarer]");
  const siret = await page.waitForFunction(() => {
    const m = document.querySelector("main ul li")?.textContent?.match(/SIRET (\d{14})/);
    return m && m[1];
  });
  const start = new Date(Date.now() + 10 * 86400_000).toISOString().slice(0, 10);
  const deadline = new Date(Date.now() + 90 * 86400_000).toISOString().slice(0, 10);
  await form.getByLabel("SIRET de l'établissement").fill(await siret.jsonValue());
  await form.getByLabel("Code ROME du métier").fill("H2913");
  await form.getByLabel("Intitulé du poste").fill(`Soudeur TIG ${RUN}`);
  await form.getByLabel("Nombre de postes").fill("2");
  await form.getByLabel("Date de prise de poste").fill(start);
  await form.getByLabel("Date limite de recrutement").fill(deadline);
  await form.getByRole("button", { name: "Déclarer le besoin" }).click();
  await form.getByText("Besoin déclaré.").waitFor();
  const card = page.getByRole("article", { name: `Soudeur TIG ${RUN}` });
  await card.waitFor();
  await j.check("besoin-declare");
  await card.getByRole("button", { name: "Marquer comme pourvu" }).click();
  await page.getByRole("article", { name: `Soudeur TIG ${RUN}` }).getByText("Pourvu").first().waitFor();
}));

// The programme team: its administration page, the ledger check.
results.push(await journey("administration", async (j, page) => {
  await j.login("admin.programme");
  await page.getByRole("link", { name: /Administration du programme/ }).click();
  await page.getByRole("heading", { name: "Importer la liste nationale" }).waitFor();
  await page.getByRole("button", { name: /Vérifier que chaque solde/ }).click();
  await page.locator("pre").waitFor();
  await j.check("administration");
}));

// A partner: read views and the event feed's documentation.
results.push(await journey("partenaire", async (j, page) => {
  await j.login("partner.demo");
  await page.getByRole("link", { name: /Espace partenaire/ }).click();
  await page.getByRole("heading", { name: "Flux d'événements" }).waitFor();
  await j.check("partenaire");
  // Logout ends the Keycloak session and comes back to the console, anonymous.
  await page.getByRole("button", { name: "Se déconnecter" }).first().click();
  await page.waitForURL(`${BASE}/`);
  await page.getByRole("button", { name: "Se connecter" }).first().waitFor();
}));

writeFileSync(join(OUT, "report.json"), JSON.stringify(report, null, 2));
const failed = results.filter((r) => r === false).length;
console.log(`${results.filter(Boolean).length} journeys passed, ${failed} failed; screenshots in ${OUT}`);
process.exit(failed ? 1 : 0);
