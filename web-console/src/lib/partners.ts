// What the console's partner guide (/partenaires) shows, kept apart from the page so that it is tested:
// the published contracts' addresses, the topics, and the commands a partner's developer copies.
// The same content as docs/partners.md, in French.

/**
 * The platform's published contracts, all served by the gateway at the console's own origin: files to
 * download (DSFR Download, which sets the download attribute), and Swagger UI, a page to open.
 */
export const CONTRACTS = [
  { href: "/api/docs/openapi.json", file: true, label: "Contrat OpenAPI 3.1 de l'API (JSON)", details: "Toute l'API en un document : générez votre client à partir de lui" },
  { href: "/q/swagger-ui", file: false, label: "Documentation interactive de l'API (Swagger UI)", details: "Les opérations, leurs paramètres et leurs réponses" },
  { href: "/api/docs/asyncapi.yaml", file: true, label: "Contrat AsyncAPI 3 des événements (YAML)", details: "Les sujets Kafka, les en-têtes CloudEvents et les charges utiles" },
  { href: "/api/docs/asyncapi.bundled.yaml", file: true, label: "Contrat AsyncAPI en un seul fichier (YAML)", details: "Chaque schéma inclus, pour les outils qui ne suivent pas les références" },
] as const;

/** The three topics; the key is always the territory code (the envelope id for envelope events). */
export const TOPICS = [
  { topic: "territory.events", what: "Le registre : territoires labellisés, modifiés, changements de statut et de périmètre, fiches action, sites industriels", key: "code du territoire (ti-8413)" },
  { topic: "funding.events", what: "Enveloppes, candidatures, engagements, paiements", key: "code du territoire ; identifiant de l'enveloppe pour les événements d'enveloppe" },
  { topic: "recruitment.events", what: "Besoins de recrutement des entreprises : publiés, modifiés, pourvus, annulés, expirés (sans donnée personnelle)", key: "code du territoire" },
] as const;

/** Keycloak's token endpoint for the realm the console signs in with; a placeholder when it is unknown. */
export function tokenEndpoint(authority: string | undefined): string {
  const realm = authority && authority.trim() ? authority.trim().replace(/\/+$/, "") : "https://<keycloak>/realms/territoires";
  return `${realm}/protocol/openid-connect/token`;
}

/** The client-credentials request of a partner's service account, then a first call with its token. */
export function tokenCommand(authority: string | undefined, origin: string, client = "partner-<nom>"): string {
  return [
    `TOKEN=$(curl -s -d grant_type=client_credentials -d client_id=${client} \\`,
    `  -d client_secret="$SECRET" ${tokenEndpoint(authority)} | jq -r .access_token)`,
    `curl -H "Authorization: Bearer $TOKEN" ${origin}/api/recruitment/needs`,
  ].join("\n");
}

/** Generating a client from the served OpenAPI document: TypeScript types, or a Java client. */
export function clientCommands(origin: string): { typescript: string; java: string } {
  const spec = `${origin}/api/docs/openapi.json`;
  return {
    typescript: `curl -o openapi.json ${spec}\nnpx openapi-typescript openapi.json -o api.d.ts`,
    java: `curl -o openapi.json ${spec}\n`
      + "npx @openapitools/openapi-generator-cli generate -i openapi.json -g java --library native \\\n"
      + "  --additional-properties=useJakartaEe=true,openApiNullable=false -o client-territoires",
  };
}

/** Reading the topics with the CloudEvents SDK for Java, skipping an event whose ce_id was already applied. */
export const CLOUDEVENTS_CONSUMER = `props.put(ConsumerConfig.GROUP_ID_CONFIG, "partner-<nom>");          // un groupe par système
props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");       // une copie complète la première fois
props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");         // valider après avoir appliqué
props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, CloudEventDeserializer.class);
try (KafkaConsumer<String, CloudEvent> consumer = new KafkaConsumer<>(props)) {
    consumer.subscribe(List.of("territory.events", "funding.events", "recruitment.events"));
    while (running) {
        for (ConsumerRecord<String, CloudEvent> record : consumer.poll(Duration.ofSeconds(1))) {
            CloudEvent event = record.value();
            inOneTransaction(tx -> {
                if (!tx.insertIfAbsent("consumed_event", event.getId())) {   // ce_id déjà vu : redélivrance
                    return;
                }
                switch (event.getType()) {
                    case "fr.territoires.recruitment.need-published.v1" -> apply(tx, event.getData().toBytes());
                    default -> { }                                          // type inconnu : ignoré
                }
            });
        }
        consumer.commitSync();
    }
}`;
