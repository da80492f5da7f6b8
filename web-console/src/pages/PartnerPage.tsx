import { useEffect } from "react";
import { Link } from "react-router-dom";
import { Report } from "./OfficerPage";

/** Partners read; their systems subscribe to the events (docs/partners.md). */
export function PartnerPage() {
  useEffect(() => {
    document.title = "Espace partenaire — Territoires d'industrie";
  }, []);
  return (
    <>
      <h1>Espace partenaire</h1>
      <p>
        Votre compte donne accès en lecture à l'API de la plateforme. Vos systèmes peuvent aussi recevoir les
        événements de la plateforme (territoires, financements, recrutement) en s'abonnant aux sujets Kafka publiés.
      </p>
      <h2>Flux d'événements</h2>
      <ul>
        <li>Sujets : <code>territory.events</code>, <code>funding.events</code>, <code>recruitment.events</code> — un message par changement, dans l'ordre pour une même clé.</li>
        <li>Schémas : <a href="/api/docs/asyncapi.yaml">contrat AsyncAPI 3</a> et les schémas JSON de chaque événement (versionnés, par exemple <code>territory.labelled.v1</code>).</li>
        <li>Accès : demandez à l'équipe du programme un client <code>partner-&lt;nom&gt;</code> (compte de service) ; ses identifiants donnent un jeton (client credentials) pour l'API et les identifiants du flux.</li>
      </ul>
      <h2>Documentation de l'API</h2>
      <p><a href="/q/swagger-ui">Swagger UI</a> · <a href="/api/docs/openapi.json">OpenAPI</a> · <Link to="/partenaires">Guide des partenaires</Link></p>
      <Report by="FUNDER" title="Financements par financeur" />
    </>
  );
}
