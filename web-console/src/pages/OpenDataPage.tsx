import { Download } from "@codegouvfr/react-dsfr/Download";
import { useEffect } from "react";
import { Link } from "react-router-dom";
import { useSession } from "../auth/session";
import { DownloadButton } from "../components/DownloadButton";

/**
 * The registry's open data (public) and, for those allowed, the grants in the SCDL format. DSFR's
 * Download gets `to` (with reloadDocument: the gateway serves the file), never `href`: react-dsfr's
 * router link drops `href`, and the link then pointed at the page itself.
 */
export function OpenDataPage() {
  const session = useSession();
  useEffect(() => {
    document.title = "Données ouvertes — Territoires d'industrie";
  }, []);
  const mayReadGrants = ["programme-admin", "region-officer", "partner"].some(session.hasRole);
  return (
    <>
      <h1>Données ouvertes</h1>
      <p>
        La liste nationale des Territoires d'industrie, telle que le registre la connaît aujourd'hui, est publiée
        librement : une ligne par commune (format de la liste nationale) ou un document JSON par territoire.
      </p>
      <Download label="Liste nationale, phase 2 (2023-2027) — CSV" details="CSV, UTF-8, séparateur point-virgule"
        linkProps={{ to: "/api/territories/export?format=csv&phase=2023-2027", reloadDocument: true }} />
      <Download label="Liste nationale, phase 1 (2019-2022) — CSV" details="CSV, UTF-8"
        linkProps={{ to: "/api/territories/export?format=csv&phase=2019-2022", reloadDocument: true }} />
      <Download label="Territoires de la phase 2, avec EPCI, communes et population — JSON" details="JSON"
        linkProps={{ to: "/api/territories/export?format=json&phase=2023-2027", reloadDocument: true }} />
      <h2 className="fr-mt-4w">Subventions accordées (format SCDL)</h2>
      {mayReadGrants ? (
        <DownloadButton path="/api/funding/reports/scdl" filename="subventions-territoires-d-industrie.csv"
          label="Télécharger les subventions (SCDL subventions 2.0.0, CSV)" />
      ) : (
        <p>Le fichier des subventions accordées est réservé aux agents du programme, aux Régions et aux partenaires : connectez-vous pour le télécharger.</p>
      )}
      <h2 className="fr-mt-4w">Pour les développeurs</h2>
      <ul>
        <li><a href="/q/swagger-ui">Documentation de l'API (Swagger UI)</a></li>
        <li><a href="/api/docs/openapi.json">Contrat OpenAPI de la plateforme</a></li>
        <li><a href="/api/docs/asyncapi.yaml">Contrat AsyncAPI des événements</a></li>
        <li><Link to="/partenaires">Guide des partenaires : identifiants, client généré, abonnement aux événements</Link></li>
      </ul>
    </>
  );
}
