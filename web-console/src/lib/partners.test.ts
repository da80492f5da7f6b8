import { describe, expect, it } from "vitest";
import { CLOUDEVENTS_CONSUMER, clientCommands, CONTRACTS, tokenCommand, tokenEndpoint, TOPICS } from "./partners";

describe("partner guide", () => {
  it("links the contracts the gateway serves, from the console's own origin", () => {
    expect(CONTRACTS.map((c) => c.href)).toEqual([
      "/api/docs/openapi.json", "/q/swagger-ui", "/api/docs/asyncapi.yaml", "/api/docs/asyncapi.bundled.yaml"]);
    expect(CONTRACTS.filter((c) => !c.file).map((c) => c.href)).toEqual(["/q/swagger-ui"]); // a page, not a download
    expect(TOPICS.map((t) => t.topic)).toEqual(["territory.events", "funding.events", "recruitment.events"]);
  });

  it("asks the token of the realm the console signs in with", () => {
    expect(tokenEndpoint("http://localhost:8180/realms/territoires/"))
      .toBe("http://localhost:8180/realms/territoires/protocol/openid-connect/token");
    expect(tokenEndpoint("")).toBe("https://<keycloak>/realms/territoires/protocol/openid-connect/token");
    expect(tokenEndpoint(undefined)).toContain("<keycloak>");
    const command = tokenCommand("http://localhost:8180/realms/territoires", "http://localhost:8080", "partner-bpifrance");
    expect(command).toContain("grant_type=client_credentials -d client_id=partner-bpifrance");
    expect(command).toContain("http://localhost:8180/realms/territoires/protocol/openid-connect/token");
    expect(command).toContain('curl -H "Authorization: Bearer $TOKEN" http://localhost:8080/api/recruitment/needs');
    expect(command).not.toContain("secret=partner"); // never a secret in the page
  });

  it("generates clients from the served OpenAPI document", () => {
    const { typescript, java } = clientCommands("https://territoires.example.fr");
    expect(typescript).toContain("curl -o openapi.json https://territoires.example.fr/api/docs/openapi.json");
    expect(typescript).toContain("npx openapi-typescript openapi.json -o api.d.ts");
    expect(java).toContain("-g java --library native");
  });

  it("reads events with the CloudEvents SDK and skips an already applied ce_id", () => {
    expect(CLOUDEVENTS_CONSUMER).toContain("CloudEventDeserializer.class");
    expect(CLOUDEVENTS_CONSUMER).toContain('insertIfAbsent("consumed_event", event.getId())');
    expect(CLOUDEVENTS_CONSUMER).toContain('ENABLE_AUTO_COMMIT_CONFIG, "false"');
  });
});
