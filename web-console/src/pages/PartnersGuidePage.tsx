import { CallOut } from "@codegouvfr/react-dsfr/CallOut";
import { Download } from "@codegouvfr/react-dsfr/Download";
import { useEffect } from "react";
import type { ConsoleConfig } from "../auth/session";
import { CLOUDEVENTS_CONSUMER, clientCommands, CONTRACTS, tokenCommand, TOPICS } from "../lib/partners";

function Code({ children }: { children: string }) {
  return (
    <pre className="ti-code fr-mb-3w"><code>{children}</code></pre>
  );
}

/**
 * The partner guide (docs/partners.md), public: how a partner system gets credentials, generates a
 * client from the OpenAPI contract, subscribes to the topics with the CloudEvents SDK and de-duplicates
 * by ce_id. Every address is the gateway's, at the console's own origin.
 */
export function PartnersGuidePage({ config }: { config: ConsoleConfig }) {
  useEffect(() => {
    document.title = "Guide des partenaires — Territoires d'industrie";
  }, []);
  const origin = window.location.origin;
  const clients = clientCommands(origin);
  return (
    <>
      <h1>Guide des partenaires : l'API et les événements</h1>
      <p className="fr-text--lead">
        France Travail, Bpifrance, la Banque des Territoires, les Régions et les services de la plateforme suivent le
        programme au travers de deux contrats publiés : l'API HTTP derrière la passerelle (OpenAPI 3.1) et les sujets
        Kafka (AsyncAPI 3).
      </p>

      <nav className="fr-summary fr-mb-4w" aria-labelledby="sommaire-partenaires">
        <h2 className="fr-summary__title" id="sommaire-partenaires">Sommaire</h2>
        <ol>
          <li><a className="fr-summary__link" href="#contrats">Les contrats publiés</a></li>
          <li><a className="fr-summary__link" href="#identifiants">Obtenir des identifiants</a></li>
          <li><a className="fr-summary__link" href="#client">Générer un client de l'API</a></li>
          <li><a className="fr-summary__link" href="#evenements">S'abonner aux événements</a></li>
          <li><a className="fr-summary__link" href="#doublons">Dédupliquer par ce_id</a></li>
        </ol>
      </nav>

      <h2 id="contrats">Les contrats publiés</h2>
      {CONTRACTS.filter((c) => c.file).map((c) => (
        <Download key={c.href} label={c.label} details={c.details} linkProps={{ to: c.href, reloadDocument: true }} />
      ))}
      <ul>
        {CONTRACTS.filter((c) => !c.file).map((c) => (
          <li key={c.href}><a className="fr-link" href={c.href}>{c.label}</a> — {c.details}</li>
        ))}
      </ul>

      <h2 id="identifiants" className="fr-mt-4w">Obtenir des identifiants</h2>
      <p>
        Chaque système partenaire reçoit un client Keycloak confidentiel avec un compte de service,
        <code> partner-&lt;nom&gt;</code>, qui porte le rôle <code>partner</code> (lecture seule de l'API). L'équipe du
        programme le crée et vous transmet son secret par un canal sûr.
      </p>
      <p>
        Le jeton s'obtient par la méthode <em>client credentials</em> et accompagne chaque appel dans l'en-tête
        <code> Authorization: Bearer …</code>. Il expire au bout de quelques minutes : demandez-en un nouveau quand un
        appel répond 401.
      </p>
      <Code>{tokenCommand(config.authority, origin)}</Code>
      <p>
        Les opérations publiques (liste et profils publics des territoires, documentation) ne demandent pas de jeton :
        le contrat OpenAPI les marque <code>security: []</code>.
      </p>

      <h2 id="client" className="fr-mt-4w">Générer un client de l'API</h2>
      <p>
        Tout générateur OpenAPI 3.1 fonctionne à partir de <a href="/api/docs/openapi.json">/api/docs/openapi.json</a>.
        Chaque opération a un <code>operationId</code> stable et unique (<code>listEnvelope</code>,
        <code> getApplication</code>, <code>declareNeed</code>…) : les noms des méthodes générées ne changent pas
        d'une version à l'autre.
      </p>
      <h3 className="fr-h6">TypeScript (openapi-typescript)</h3>
      <Code>{clients.typescript}</Code>
      <h3 className="fr-h6">Java (openapi-generator, bibliothèque native)</h3>
      <Code>{clients.java}</Code>
      <ul>
        <li>
          Chaque erreur est un document <code>application/problem+json</code> (RFC 9457) : <code>type</code>,
          <code> title</code>, <code>status</code>, <code>detail</code> et, pour une saisie invalide,
          <code> errors[]</code> qui nomme chaque champ en cause.
        </li>
        <li>
          Les montants sont des euros, en nombres JSON à deux décimales (<code>2400.50</code>), jamais des chaînes.
        </li>
        <li>
          Ce que vous envoyez et ce que vous relisez portent les mêmes noms : une candidature s'envoie avec
          <code> plan: [{"{"}envelopeId, requested{"}"}]</code> et se relit avec le même <code>plan</code>.
        </li>
      </ul>

      <h2 id="evenements" className="fr-mt-4w">S'abonner aux événements</h2>
      <p>
        Chaque changement est publié sur un sujet Kafka, au format CloudEvents 1.0 en mode binaire : la valeur est la
        charge utile JSON, les attributs de l'événement sont des en-têtes (<code>ce_id</code>, <code>ce_type</code>,
        <code> ce_source</code>, <code>ce_time</code>, <code>ce_subject</code>, <code>ce_sequence</code>). Tous les
        événements d'un territoire sont dans une même partition, dans l'ordre où leurs changements ont été validés.
      </p>
      <div className="fr-table">
        <table>
          <caption>Sujets publiés</caption>
          <thead>
            <tr><th scope="col">Sujet</th><th scope="col">Contenu</th><th scope="col">Clé</th></tr>
          </thead>
          <tbody>
            {TOPICS.map((t) => (
              <tr key={t.topic}><td><code>{t.topic}</code></td><td>{t.what}</td><td>{t.key}</td></tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        Le SDK CloudEvents pour Java (<code>io.cloudevents:cloudevents-kafka</code>) lit ces en-têtes pour vous.
        Chaque type a son schéma JSON versionné (<code>fr.territoires.&lt;service&gt;.&lt;événement&gt;.v1</code>) ;
        ignorez les types et les propriétés que vous ne connaissez pas.
      </p>
      <Code>{CLOUDEVENTS_CONSUMER}</Code>

      <h2 id="doublons" className="fr-mt-4w">Dédupliquer par ce_id</h2>
      <CallOut title="Au moins une fois">
        Aucun événement n'est perdu, mais un événement peut être livré plus d'une fois (une publication reprise après
        une panne). Dédupliquez sur <code>ce_id</code>.
      </CallOut>
      <ol>
        <li>
          Enregistrez chaque <code>ce_id</code> appliqué, dans la même transaction que son effet, et ignorez un
          identifiant déjà présent.
        </li>
        <li>Validez vos offsets Kafka seulement après avoir validé l'effet.</li>
        <li>
          Un groupe de consommateurs par système (<code>partner-&lt;nom&gt;</code>), depuis le plus ancien offset la
          première fois, pour construire une copie complète.
        </li>
        <li>Un message que vous ne pouvez pas appliquer ne doit pas bloquer les autres : mettez-le de côté et continuez.</li>
        <li>
          Par clé, gardez le dernier <code>ce_sequence</code> appliqué : un numéro inférieur ou égal est une redélivrance
          à ignorer, un saut de plus d'un signale un événement manqué.
        </li>
      </ol>
      <p>
        Le guide complet est dans le dépôt : <code>docs/partners.md</code>.
      </p>
    </>
  );
}
