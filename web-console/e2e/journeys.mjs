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

  /** The console's session as oidc-client-ts keeps it in the tab (access token and its expiry). */
  async session() {
    return this.page.evaluate(() => {
      const key = Object.keys(sessionStorage).find((k) => k.startsWith("oidc.user:"));
      const user = key ? JSON.parse(sessionStorage.getItem(key)) : undefined;
      return user ? { token: user.access_token, expiresAt: user.expires_at } : undefined;
    });
  }

  /**
   * A call of the API from outside the page with the signed-in user's token, as another session
   * would make it (to change a record behind the page).
   */
  async api(method, path, { body, ifMatch } = {}) {
    const { token } = await this.session();
    const headers = { Authorization: `Bearer ${token}`, Accept: "application/json" };
    if (ifMatch) headers["If-Match"] = ifMatch;
    const answer = await this.page.request.fetch(`${BASE}${path}`, { method, headers, data: body });
    const text = await answer.text();
    if (!answer.ok()) throw new Error(`${method} ${path} answered ${answer.status()}: ${text}`);
    return { status: answer.status(), etag: answer.headers()["etag"], data: text ? JSON.parse(text) : undefined };
  }
}

/** A CSV file given to the page's file input, as a user picks one. */
async function upload(form, name, text) {
  await form.locator("input[type=file]").setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(text, "utf8") });
  await form.getByRole("button", { name: "Envoyer le fichier" }).click();
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

// Silent renewal: the realm gives the console short-lived access tokens (ConsoleJourneysIT sets it);
// the console renews its token in the page, and an action after the first token expired succeeds.
// Started first and run beside the other journeys: most of it is waiting for the first token to expire
// (about 90 s of a CI run); its own user (company.demo) and a need of its own RUN-suffixed title.
const renewal = journey("renouvellement", async (j, page) => {
  await j.login("company.demo");
  await page.getByRole("link", { name: /Mon entreprise/ }).first().click();
  await page.getByRole("heading", { name: "Déclarer un besoin" }).waitFor();
  await page.evaluate(() => { window.sameDocument = true; });
  const first = await j.session();
  const lifespan = first.expiresAt - Math.floor(Date.now() / 1000);
  if (lifespan > 300) throw new Error(`the access token lives ${lifespan} s: the test realm should give short ones`);
  // Polled until the first token has expired and another one is in the tab.
  await page.waitForFunction(({ token, expiresAt }) => {
    const key = Object.keys(sessionStorage).find((k) => k.startsWith("oidc.user:"));
    const user = key && JSON.parse(sessionStorage.getItem(key));
    return Date.now() / 1000 > expiresAt + 1 && user && user.access_token !== token && user.expires_at > Date.now() / 1000;
  }, first, { timeout: (lifespan + 60) * 1000, polling: 1000 });
  if (!(await page.evaluate(() => window.sameDocument))) throw new Error("the page was left or reloaded to renew the token");
  const form = page.locator("form[aria-labelledby=declarer]");
  const siret = await page.locator("main ul li").first().textContent();
  await form.getByLabel("SIRET de l'établissement").fill(siret.match(/SIRET (\d{14})/)[1]);
  await form.getByLabel("Code ROME du métier").fill("H2913");
  await form.getByLabel("Intitulé du poste").fill(`Soudeur après renouvellement ${RUN}`);
  await form.getByLabel("Date de prise de poste").fill(new Date(Date.now() + 10 * 86400_000).toISOString().slice(0, 10));
  await form.getByLabel("Date limite de recrutement").fill(new Date(Date.now() + 90 * 86400_000).toISOString().slice(0, 10));
  await form.getByRole("button", { name: "Déclarer le besoin" }).click();
  await form.getByText("Besoin déclaré.").waitFor();
  await page.getByRole("article", { name: `Soudeur après renouvellement ${RUN}` }).waitFor();
  console.log(`[renouvellement] token of ${lifespan} s renewed in the page; the action after its expiry succeeded`);
  await j.check("apres-renouvellement");
});

// Anyone: the map and its table, the list's filters, a territory's public page and its sites; deep links.
results.push(await journey("visiteur", async (j, page) => {
  await page.goto(`${BASE}/`);
  await page.getByRole("heading", { name: "Carte nationale des Territoires d'industrie" }).waitFor();
  await page.locator("#table-carte tbody tr").first().waitFor();
  // The map's source holds the official outlines of phase 2 (183 territories), and the map drew them.
  await page.waitForFunction(() => {
    const map = document.querySelector("[data-testid=carte]");
    return map && map.dataset.state === "ready" && Number(map.dataset.features) >= 180 && Number(map.dataset.rendered) > 0;
  }, undefined, { timeout: 60_000 });
  const outlines = await page.request.get(`${BASE}/api/territories/outlines?phase=2`);
  const collection = await outlines.json();
  const shown = Number(await page.locator("[data-testid=carte]").getAttribute("data-features"));
  if (collection.features.length !== shown) throw new Error(`the map holds ${shown} outlines, the registry serves ${collection.features.length}`);
  if ((await page.locator("#table-carte tbody tr").count()) < 180) throw new Error("the table beside the map does not list every territory");
  await j.check("carte");
  // A territory on the map is clickable: the pointer finds one (the cursor says so), a click opens its page.
  const canvas = page.locator("[data-testid=carte] canvas");
  const box = await canvas.boundingBox();
  let target;
  for (let i = 1; i < 12 && !target; i++) {
    for (let k = 1; k < 12 && !target; k++) {
      const x = box.x + (box.width * k) / 12, y = box.y + (box.height * i) / 12;
      await page.mouse.move(x, y, { steps: 2 });
      if ((await canvas.evaluate((c) => c.style.cursor)) === "pointer") target = { x, y };
    }
  }
  if (!target) throw new Error("no territory under the pointer anywhere on the map");
  await page.mouse.click(target.x, target.y);
  await page.waitForURL(/\/territoires\/ti-/);
  const clicked = new URL(page.url()).pathname.split("/").pop();
  const feature = collection.features.find((f) => f.properties.code === decodeURIComponent(clicked));
  if (!feature) throw new Error(`the map opened ${clicked}, which is not one of the outlines`);
  await page.getByRole("heading", { level: 1, name: feature.properties.name }).waitFor();
  await j.check("territoire-depuis-carte");
  await page.goBack();
  await page.locator("#table-carte tbody tr").first().waitFor();
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
const rejectedTitle = `Atelier de démonstration ${RUN}`;

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
  const sheetTitle = `Plateforme de formation ${RUN}`;
  await page.getByRole("cell", { name: sheetTitle, exact: true }).waitFor();
  // The workflow: the sheet moves from idea to in progress (PUT with If-Match on the version shown).
  const sheetRow = () => page.getByRole("row").filter({ hasText: sheetTitle });
  await sheetRow().getByLabel(/Nouveau statut/).selectOption("IN_PROGRESS");
  await sheetRow().getByRole("button", { name: "Changer le statut" }).click();
  await sheetRow().getByRole("cell", { name: "En cours", exact: true }).waitFor();
  // Someone else changes the sheet behind the page; the user's change is refused with a clear message,
  // what the user chose stays, and nothing is saved.
  const code = decodeURIComponent(new URL(page.url()).pathname.split("/").pop());
  const sheets = await j.api("GET", `/api/territories/${code}/action-sheets?size=100`);
  const id = sheets.data.items.find((x) => x.title === sheetTitle).id;
  const read = await j.api("GET", `/api/territories/${code}/action-sheets/${id}`);
  const { title, priority, owner, status, plannedBudget } = read.data;
  await j.api("PUT", `/api/territories/${code}/action-sheets/${id}`, { ifMatch: read.etag,
    body: { title, priority, status, owner: `${owner} (modifié ailleurs)`, ...(plannedBudget == null ? {} : { plannedBudget }) } });
  await sheetRow().getByLabel(/Nouveau statut/).selectOption("DONE");
  await sheetRow().getByRole("button", { name: "Changer le statut" }).click();
  await sheetRow().getByText(/Quelqu'un d'autre a modifié cet enregistrement/).waitFor();
  if ((await sheetRow().getByLabel(/Nouveau statut/).inputValue()) !== "DONE") throw new Error("the chosen status was lost");
  const after = await j.api("GET", `/api/territories/${code}/action-sheets/${id}`);
  if (after.data.status !== "IN_PROGRESS") throw new Error(`the refused change was saved: ${after.data.status}`);
  await j.check("fiche-conflit");

  // Governance: the binôme replaced whole (If-Match from the ETag read); the page shows the new binôme.
  const governance = page.locator("form[aria-labelledby=modifier-gouvernance]");
  const binome = page.getByTestId("binome");
  await governance.getByLabel("Nom de l'élu").fill(`Élu ${RUN}`);
  await governance.getByLabel("Fonction de l'élu").fill("Vice-président");
  await governance.getByLabel("Nom du chef de projet").fill(`Chef de projet ${RUN}`);
  await governance.getByLabel("Cofinanceurs du poste").fill("ANCT\nRégion Grand Est");
  await governance.getByRole("button", { name: "Enregistrer la gouvernance" }).click();
  await governance.getByText("Gouvernance enregistrée.").waitFor();
  await binome.getByText(`Élu : Élu ${RUN}, Vice-président`).waitFor();
  await binome.getByText("Cofinanceurs du poste : ANCT, Région Grand Est").waitFor();
  // Changed elsewhere meanwhile: refused with the conflict message, what was typed stays, nothing saved;
  // the current version can then be loaded into the form.
  const governanceRead = await j.api("GET", `/api/territories/${code}/governance`);
  await j.api("PUT", `/api/territories/${code}/governance`, { ifMatch: governanceRead.etag, body: {
    electedOfficial: { name: `Élu ${RUN}`, role: "Président" }, projectLead: { name: `Chef de projet ${RUN}` }, projectLeadFunders: ["ANCT"] } });
  await governance.getByLabel("Nom de l'industriel").fill(`Industrielle ${RUN}`);
  await governance.getByRole("button", { name: "Enregistrer la gouvernance" }).click();
  await governance.getByText(/Quelqu'un d'autre a modifié cet enregistrement/).waitFor();
  if ((await governance.getByLabel("Nom de l'industriel").inputValue()) !== `Industrielle ${RUN}`) throw new Error("the typed industrialist was lost");
  if ((await j.api("GET", `/api/territories/${code}/governance`)).data.industrialist?.name) throw new Error("the refused governance was saved");
  await j.check("gouvernance-conflit");
  await governance.getByRole("button", { name: /Recharger la version actuelle/ }).click();
  await binome.getByText(`Élu : Élu ${RUN}, Président`).waitFor();
  if ((await governance.getByLabel("Fonction de l'élu").inputValue()) !== "Président") throw new Error("the form was not filled from the current version");

  // Committee meetings: without a date the API's message shows next to the field and what was typed
  // stays; recorded, the meeting and its decisions appear in the table. The contract's documents are
  // listed, recorded by the region (no form for the territory's manager).
  const meeting = page.locator("form[aria-labelledby=nouvelle-reunion]");
  const decision = `Fiche « Plateforme de formation ${RUN} » validée`;
  await meeting.getByLabel("Lieu (facultatif)").fill(`Pompey ${RUN}`);
  await meeting.getByLabel("Décisions").fill(`${decision}\nBudget adopté`);
  await meeting.getByRole("button", { name: "Enregistrer la réunion" }).click();
  await meeting.locator(".fr-input-group--error input[name=heldOn]").waitFor();
  if ((await meeting.getByLabel("Lieu (facultatif)").inputValue()) !== `Pompey ${RUN}`) throw new Error("the typed place was lost");
  await meeting.getByLabel("Date de la réunion").fill("2025-03-10");
  await meeting.getByRole("button", { name: "Enregistrer la réunion" }).click();
  await meeting.getByText("Réunion enregistrée.").waitFor();
  const meetingRow = page.getByRole("table", { name: /Réunions des comités/ }).getByRole("row").filter({ hasText: `Pompey ${RUN}` });
  await meetingRow.getByRole("cell", { name: "10/03/2025", exact: true }).waitFor();
  await meetingRow.getByRole("cell", { name: "Comité de projet local", exact: true }).waitFor();
  await meetingRow.getByText(decision).waitFor();
  if (!(await j.api("GET", `/api/territories/${code}/governance`)).data.meetings.some((m) => m.place === `Pompey ${RUN}`)) throw new Error("the meeting was not recorded");
  await page.getByRole("table", { name: /Documents du contrat/ }).waitFor();
  if (await page.locator("form[aria-labelledby=nouveau-document]").count()) throw new Error("the manager is offered the contract form");
  await j.check("gouvernance-reunion");

  // Industrial sites: a new one appears in the table; its availability changes (PUT with If-Match).
  const siteName = `Zone des Forges ${RUN}`;
  const site = page.locator("form[aria-labelledby=nouveau-site]");
  await site.getByLabel("Nom du site").fill(siteName);
  await site.getByLabel("Commune (code INSEE)").fill("54430");
  await site.getByLabel("Surface (ha)").fill("8,5");
  // DSFR draws the box on the label, which takes the click, as it does a user's.
  await site.locator("label", { hasText: "Voie ferrée" }).click();
  if (!(await site.getByLabel("Voie ferrée").isChecked())) throw new Error("the service was not ticked");
  await site.getByRole("button", { name: "Ajouter le site" }).click();
  await site.getByText("Site ajouté.").waitFor();
  const siteRow = () => page.getByRole("table", { name: /Sites du territoire/ }).getByRole("row").filter({ hasText: siteName });
  await siteRow().getByRole("cell", { name: "8,5 ha" }).waitFor();
  await siteRow().getByLabel(/Disponibilité de/).selectOption("UNDER_STUDY");
  await siteRow().getByRole("button", { name: "Enregistrer" }).click();
  await siteRow().getByRole("cell", { name: "À l'étude", exact: true }).waitFor();
  await j.check("sites");

  // The territory's recruitment: the companies' needs (one declared by ConsoleJourneysIT) and the indicators.
  await page.getByRole("table", { name: /Besoins de recrutement des entreprises du territoire/ }).getByRole("cell", { name: /Soudeur \(parcours\)/ }).first().waitFor();
  await page.getByRole("table", { name: /Indicateurs de recrutement du territoire/ }).waitFor();
  await j.check("recrutement");

  // The first application names the action sheet and the company's need it answers.
  await prepareApplication(page, applicationTitle, { sheet: sheetTitle, need: /Soudeur \(parcours\)/ });
  const linkedRow = page.getByRole("table", { name: /Dossiers du territoire/ }).getByRole("row").filter({ hasText: applicationTitle });
  await linkedRow.getByRole("cell", { name: sheetTitle, exact: true }).waitFor();
  await linkedRow.getByRole("cell", { name: /Soudeur \(parcours\)/ }).waitFor();
  await prepareApplication(page, rejectedTitle);
  await j.check("dossier-depose");
}));

/** The project lead prepares an application on the Region's envelope, then submits it. */
async function prepareApplication(page, applicationTitle, links = {}) {
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
  if (links.sheet) await form.getByLabel("Fiche action du projet (facultatif)").selectOption({ label: links.sheet });
  if (links.need) {
    await form.locator("label", { hasText: links.need }).first().click();
    if (!(await form.getByLabel(links.need).first().isChecked())) throw new Error("the need was not ticked");
  }
  await form.getByRole("button", { name: "Enregistrer le dossier" }).click();
  await form.getByText(/Dossier enregistré en brouillon/).waitFor();
  const row = page.getByRole("row").filter({ hasText: applicationTitle });
  await row.getByRole("button", { name: "Déposer" }).click();
  await page.getByText(`Dossier « ${applicationTitle} » déposé.`).waitFor();
  await row.getByText("Déposée").waitFor();
}

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
  await page.evaluate(() => { window.sameDocument = true; });
  await reviewed.getByRole("button", { name: "Approuver" }).click();
  await page.getByRole("article", { name: new RegExp(applicationTitle) }).waitFor({ state: "detached" });
  // The decided list shows the new state at once, without a reload of the page.
  const decided = (title) => page.getByRole("table", { name: /Dossiers décidés/ }).getByRole("row").filter({ hasText: title });
  await decided(applicationTitle).getByRole("cell", { name: "Approuvée", exact: true }).waitFor();
  await decided(applicationTitle).getByRole("cell", { name: /^50\s000(,00)?\s€$/ }).waitFor();
  // A rejection needs a reason; the application leaves the list to review and shows as rejected, with it.
  const other = page.getByRole("article", { name: new RegExp(rejectedTitle) });
  await other.getByRole("button", { name: "Prendre en instruction" }).click();
  await page.getByRole("article", { name: new RegExp(rejectedTitle) }).getByRole("button", { name: "Rejeter" }).waitFor();
  await page.getByRole("article", { name: new RegExp(rejectedTitle) }).getByLabel(/Motif/).fill("Projet hors du périmètre de l'enveloppe");
  await page.getByRole("article", { name: new RegExp(rejectedTitle) }).getByRole("button", { name: "Rejeter" }).click();
  await page.getByRole("article", { name: new RegExp(rejectedTitle) }).waitFor({ state: "detached" });
  await decided(rejectedTitle).getByRole("cell", { name: "Rejetée", exact: true }).waitFor();
  await decided(rejectedTitle).getByRole("cell", { name: "Projet hors du périmètre de l'enveloppe" }).waitFor();
  if (!(await page.evaluate(() => window.sameDocument))) throw new Error("the page was reloaded");
  await j.check("decisions");
  // Payments on the approved application's commitment: an advance, then part of the rest released;
  // the commitment's table shows what was paid, what is left to pay, and the lower commitment.
  const payments = page.locator("section[aria-labelledby=paiements]");
  const approvedOption = await payments.locator("option", { hasText: applicationTitle }).getAttribute("value");
  await payments.getByLabel("Dossier approuvé").selectOption(approvedOption);
  const commitment = payments.getByRole("table", { name: /Engagements du dossier/ });
  const euros = (amount) => new RegExp(`^${amount}\\s000,00\\s€$`);
  await commitment.getByRole("cell", { name: euros(50) }).first().waitFor();
  const pay = payments.getByRole("form", { name: "Enregistrer un paiement" });
  await pay.getByLabel("Montant payé (€)").fill("10 000");
  await pay.getByRole("button", { name: "Enregistrer le paiement" }).click();
  await pay.getByText("Paiement enregistré.").waitFor();
  await commitment.getByRole("cell", { name: euros(10) }).waitFor();
  await commitment.getByRole("cell", { name: euros(40) }).waitFor();
  const release = payments.getByRole("form", { name: "Dégager des crédits" });
  await release.getByLabel("Montant dégagé (€)").fill("5000");
  await release.getByLabel("Motif du dégagement").fill("Dépenses éligibles revues à la baisse");
  await release.getByRole("button", { name: "Dégager" }).click();
  await release.getByText(/Dégagement enregistré/).waitFor();
  await commitment.getByRole("cell", { name: euros(45) }).waitFor();
  await commitment.getByRole("cell", { name: euros(35) }).waitFor();
  await j.check("paiements");
  // The report's accessible table (its caption names it), beside its chart.
  await page.getByRole("table", { name: "Financements par priorité" }).waitFor();
  await j.check("rapports");
  // The Region's territories: the list filtered on its region.
  await page.getByRole("link", { name: "Les territoires de ma région" }).click();
  await page.waitForURL(/\/territoires\?region=44/);
  await page.getByRole("link", { name: "Val de Lorraine" }).first().waitFor();
  await j.check("territoires-region");
  // The contract's documents are the Region's to record (the territory's manager only reads them): on
  // the territory's governance, one signed document, refused without signatories (message next to the
  // field, what was typed kept), then recorded and listed. Its kind is the next in the contract's
  // order the form proposes; signed on the last document's date (never before it, never in the future).
  const territory = decodeURIComponent((await page.getByRole("link", { name: "Val de Lorraine" }).first().getAttribute("href")).split("/").pop());
  const signed = (await j.api("GET", `/api/territories/${territory}/governance`)).data.contract ?? [];
  await page.goto(`${BASE}/espace/territoire/${encodeURIComponent(territory)}`);
  const contract = page.locator("form[aria-labelledby=nouveau-document]");
  const documentTitle = `Document signé ${RUN}`;
  await contract.getByLabel("Titre du document").fill(documentTitle);
  await contract.getByLabel("Signé le").fill(signed.length ? signed[signed.length - 1].signedOn : "2024-01-15");
  await contract.getByRole("button", { name: "Enregistrer le document" }).click();
  await contract.locator(".fr-input-group--error textarea[name=signatories]").waitFor();
  if ((await contract.getByLabel("Titre du document").inputValue()) !== documentTitle) throw new Error("the typed title was lost");
  await contract.getByLabel("Signataires").fill(`Préfète de région\nPrésident ${RUN}`);
  await contract.getByRole("button", { name: "Enregistrer le document" }).click();
  await contract.getByText("Document du contrat enregistré.").waitFor();
  const documentRow = page.getByRole("table", { name: /Documents du contrat/ }).getByRole("row").filter({ hasText: documentTitle });
  await documentRow.getByRole("cell", { name: `Préfète de région, Président ${RUN}`, exact: true }).waitFor();
  await j.check("contrat");
}));

// The company: declares a recruitment need, changes it (and meets a change made elsewhere), marks it
// filled; declares needs in bulk from a CSV file (refused whole with a bad row, then accepted).
results.push(await journey("entreprise", async (j, page) => {
  await j.login("company.demo");
  await page.getByRole("link", { name: /Mon entreprise/ }).first().click();
  await page.getByRole("heading", { name: "Déclarer un besoin" }).waitFor();
  await j.check("entreprise");
  // The company record, replaced whole with If-Match from its ETag: the list shows the new name.
  const record = page.getByRole("form", { name: /Fiche de l'établissement/ }).first();
  await record.getByLabel("Raison sociale").fill(`(demo) Métallerie de Pompey ${RUN}`);
  await record.getByRole("button", { name: "Enregistrer la fiche" }).click();
  await record.getByText("Fiche entreprise enregistrée.").waitFor();
  await page.locator("main ul li").filter({ hasText: `Métallerie de Pompey ${RUN} — SIRET` }).waitFor();
  await j.check("fiche-entreprise");
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
  // Someone else changes the need behind the page: the update is refused with a clear message, the
  // number typed stays, and the need keeps the other change.
  const needs = await j.api("GET", "/api/recruitment/needs?size=100");
  const need = needs.data.items.find((n) => n.jobTitle === `Soudeur TIG ${RUN}`);
  const read = await j.api("GET", `/api/recruitment/needs/${need.id}`);
  const { siret: s, romeCode, jobTitle, contractType, qualificationLevel, startDate, deadline: d, hoursPerWeek } = read.data;
  await j.api("PUT", `/api/recruitment/needs/${need.id}`, { ifMatch: read.etag,
    body: { siret: s, romeCode, jobTitle, headcount: 3, contractType, qualificationLevel, startDate, deadline: d, hoursPerWeek } });
  await card.getByLabel("Nombre de postes").fill("5");
  await card.getByRole("button", { name: "Mettre à jour" }).click();
  await card.getByText(/Quelqu'un d'autre a modifié cet enregistrement/).waitFor();
  if ((await card.getByLabel("Nombre de postes").inputValue()) !== "5") throw new Error("the typed headcount was lost");
  if ((await j.api("GET", `/api/recruitment/needs/${need.id}`)).data.headcount !== 3) throw new Error("the refused change was saved");
  await j.check("besoin-conflit");
  await page.reload();
  await page.getByRole("article", { name: `Soudeur TIG ${RUN}` }).getByText(/0\/3 pourvu/).waitFor();
  await page.getByRole("article", { name: `Soudeur TIG ${RUN}` }).getByRole("button", { name: "Marquer comme pourvu" }).click();
  await page.getByRole("article", { name: `Soudeur TIG ${RUN}` }).getByText("Pourvu").first().waitFor();

  // Bulk declaration: one good row and one bad row (line 3, its ROME code) refuse the file whole.
  const bulk = page.locator("form").filter({ has: page.getByText("Fichier CSV des besoins") });
  const header = "siret,rome_code,job_title,headcount,contract_type,qualification_level,start_date,deadline,hours_per_week";
  const good = `${await siret.jsonValue()},H2913,Chaudronnier ${RUN},1,CDI,SKILLED_WORKER,${start},${deadline},35`;
  const bad = `${await siret.jsonValue()},Z9999,Tuyauteur ${RUN},1,CDI,SKILLED_WORKER,${start},${deadline},35`;
  await upload(bulk, "besoins.csv", [header, good, bad].join("\n"));
  await bulk.getByText("Le fichier a été refusé : rien n'a été enregistré").waitFor();
  const refused = bulk.getByRole("table", { name: /Lignes refusées/ });
  await refused.getByRole("cell", { name: /^ligne 3, colonne rome_code$/ }).waitFor();
  const named = await refused.locator("tbody tr td:first-child").allTextContents();
  if (!named.every((t) => t.startsWith("ligne 3,"))) throw new Error(`the refused table names other lines than 3: ${named}`);
  const stored = await j.api("GET", "/api/recruitment/needs?size=100");
  if (stored.data.items.some((n) => n.jobTitle === `Chaudronnier ${RUN}`)) throw new Error("a refused file stored its good row");
  await j.check("csv-refuse");
  // The corrected file: a report per row, and the needs appear in the list.
  await upload(bulk, "besoins.csv", [header, good, bad.replace("Z9999", "H2914")].join("\n"));
  const lines = bulk.getByRole("table", { name: "Rapport ligne par ligne" });
  await lines.waitFor();
  await bulk.getByText("Fichier accepté : 2 ligne(s) traitée(s).").waitFor();
  await lines.getByRole("row").filter({ hasText: "H2914" }).getByRole("cell", { name: "Déclaré" }).waitFor();
  await page.getByRole("article", { name: `Chaudronnier ${RUN}` }).waitFor();
  await page.getByRole("article", { name: `Tuyauteur ${RUN}` }).waitFor();
  await j.check("csv-rapport");
}));

// The programme team: its administration page, the ledger check.
results.push(await journey("administration", async (j, page) => {
  await j.login("admin.programme");
  await page.getByRole("link", { name: /Administration du programme/ }).click();
  await page.getByRole("heading", { name: "Importer la liste nationale" }).waitFor();
  await page.getByRole("button", { name: /Vérifier que chaque solde/ }).click();
  await page.locator("pre").waitFor();
  await j.check("administration");
  // The national list: one territory's rows as published (the open-data export), plus a row naming a
  // commune that does not exist. Refused whole (the line named, nothing applied), then accepted row by row.
  const exported = (await (await page.request.get(`${BASE}/api/territories/export?format=csv&phase=2023-2027`)).text())
    .replace(/^\uFEFF/, "").trim().split(/\r?\n/);
  const byTerritory = new Map();
  for (const row of exported.slice(1)) {
    const code = row.split(";")[2];
    byTerritory.set(code, [...(byTerritory.get(code) ?? []), row]);
  }
  const [code, rows] = [...byTerritory.entries()].sort((a, b) => a[1].length - b[1].length)[0];
  const before = await j.api("GET", `/api/territories/${code}`);
  const form = page.locator("form").filter({ has: page.getByText("Liste nationale (CSV, une ligne par commune)") });
  const broken = `00000;Nulle-part;${code};${rows[0].split(";")[3]}`;
  await upload(form, "liste-nationale.csv", [exported[0], ...rows, broken].join("\n"));
  await form.getByText("Le fichier a été refusé : rien n'a été enregistré").waitFor();
  await form.getByRole("table", { name: /Lignes refusées/ }).getByRole("cell", { name: `ligne ${rows.length + 2}` }).waitFor();
  const unchanged = await j.api("GET", `/api/territories/${code}`);
  if (unchanged.etag !== before.etag) throw new Error(`a refused national list changed ${code}`);
  await j.check("liste-nationale-refusee");
  await upload(form, "liste-nationale.csv", [exported[0], ...rows].join("\n"));
  await form.getByText(`Fichier accepté : ${rows.length} ligne(s) traitée(s).`).waitFor();
  const report = form.getByRole("table", { name: "Rapport ligne par ligne" });
  if ((await report.locator("tbody tr").count()) !== rows.length) throw new Error("the report does not give one row per line");
  await report.getByRole("cell", { name: code }).first().waitFor();
  await j.check("liste-nationale-rapport");

  // A territory created, then labelled: its status badge changes (PUT with If-Match from its ETag).
  const territoryCode = `ti-e2e-${RUN}`;
  const created = page.locator("form[aria-labelledby=nouveau-territoire]");
  await created.getByLabel("Code (id_ti)").fill(territoryCode);
  await created.getByLabel("Nom du territoire").fill(`Territoire d'essai ${RUN}`);
  await created.getByRole("button", { name: "Créer le territoire" }).click();
  await created.getByText(`Territoire ${territoryCode} créé.`).waitFor();
  const territoryStatus = page.getByTestId("statut-territoire");
  await territoryStatus.getByTestId("statut-actuel").filter({ hasText: "Candidat" }).waitFor();
  await territoryStatus.getByLabel("Nouveau statut").selectOption("LABELLED");
  await territoryStatus.getByLabel("Motif (facultatif)").fill("Labellisé par le comité national");
  await territoryStatus.getByRole("button", { name: "Changer le statut" }).click();
  await territoryStatus.getByTestId("statut-actuel").filter({ hasText: "Labellisé" }).waitFor();
  if ((await j.api("GET", `/api/territories/${territoryCode}`)).data.status !== "LABELLED") throw new Error("the status shown is not the registry's");
  await j.check("territoire-statut");

  // An envelope opened, then its ceiling raised and the envelope frozen: its row shows both.
  const envelopeName = `Enveloppe essai ${RUN}`;
  const opening = page.locator("form[aria-labelledby=nouvelle-enveloppe]");
  await opening.getByLabel("Nom", { exact: true }).fill(envelopeName);
  await opening.getByLabel("Plafond (€)").fill("100000");
  await opening.getByRole("button", { name: "Ouvrir l'enveloppe" }).click();
  await opening.getByText("Enveloppe ouverte.").waitFor();
  const envelopeRow = () => page.getByRole("table", { name: /Enveloppes et leurs soldes/ }).getByRole("row").filter({ hasText: envelopeName });
  await envelopeRow().getByRole("button", { name: /Modifier/ }).click();
  const editor = page.getByRole("region", { name: `Modifier l'enveloppe ${envelopeName}` });
  await editor.getByLabel("Nouveau plafond (€)").fill("150 000");
  await editor.getByLabel("Motif du changement de plafond").fill("Abondement en loi de finances");
  await editor.getByRole("button", { name: "Changer le plafond" }).click();
  await envelopeRow().getByRole("cell", { name: /^150\s000,00\s€$/ }).first().waitFor();
  await editor.getByLabel("Nouveau statut de l'enveloppe").selectOption("FROZEN");
  await editor.getByLabel("Motif du changement de statut").fill("Gel dans l'attente du comité");
  await editor.getByRole("button", { name: "Changer le statut" }).click();
  await envelopeRow().getByRole("cell", { name: "Gelée", exact: true }).waitFor();
  await j.check("enveloppe-modifiee");
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

results.push(await renewal);

writeFileSync(join(OUT, "report.json"), JSON.stringify(report, null, 2));
const failed = results.filter((r) => r === false).length;
console.log(`${results.filter(Boolean).length} journeys passed, ${failed} failed; screenshots in ${OUT}`);
process.exit(failed ? 1 : 0);
