import { Tile } from "@codegouvfr/react-dsfr/Tile";
import { useEffect } from "react";
import { useSession } from "../auth/session";
import { regionName } from "../lib/regions";

/** The signed-in user's home: one entry per role the gateway says they hold. */
export function SpacePage() {
  const { me } = useSession();
  useEffect(() => {
    document.title = "Mon espace — Territoires d'industrie";
  }, []);
  // Rendered inside SignedIn: the session is known and the user signed in.
  if (!me) return null;
  const tiles = [];
  if (me.roles.includes("territory-manager")) {
    for (const code of me.territories ?? []) {
      tiles.push(<Tile key={code} title={`Mon territoire (${code})`} desc="Tableau de bord, fiches action, dossiers de financement"
        linkProps={{ to: `/espace/territoire/${encodeURIComponent(code)}` }} />);
    }
  }
  if (me.roles.includes("region-officer")) {
    tiles.push(<Tile key="region" title={`Ma région : ${regionName(me.region)}`} desc="Dossiers à instruire, enveloppes, rapports"
      linkProps={{ to: "/espace/region" }} />);
  }
  if (me.roles.includes("company")) {
    tiles.push(<Tile key="company" title="Mon entreprise" desc={`Besoins de recrutement (SIREN ${me.siren ?? "—"})`}
      linkProps={{ to: "/espace/entreprise" }} />);
  }
  if (me.roles.includes("programme-admin")) {
    tiles.push(<Tile key="admin" title="Administration du programme" desc="Liste nationale, territoires, enveloppes, grand livre, lettres mortes"
      linkProps={{ to: "/espace/administration" }} />);
  }
  if (me.roles.includes("partner")) {
    tiles.push(<Tile key="partner" title="Espace partenaire" desc="Consultation et flux d'événements"
      linkProps={{ to: "/espace/partenaire" }} />);
  }
  return (
    <>
      <h1>Mon espace</h1>
      <p>Connecté en tant que <strong>{me.username}</strong>.</p>
      {tiles.length === 0 ? <p>Votre compte n'a aucun rôle sur la plateforme.</p> : (
        <div className="fr-grid-row fr-grid-row--gutters">
          {tiles.map((t, i) => <div key={i} className="fr-col-12 fr-col-md-6">{t}</div>)}
        </div>
      )}
    </>
  );
}
