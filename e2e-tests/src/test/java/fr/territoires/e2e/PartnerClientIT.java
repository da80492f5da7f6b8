package fr.territoires.e2e;

import fr.territoires.commons.time.BusinessDates;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.territoires.client.ApiClient;
import fr.territoires.client.ApiException;
import fr.territoires.client.api.RecruitmentNeedsApi;
import fr.territoires.client.model.ContractType;
import fr.territoires.client.model.NeedRequest;
import fr.territoires.client.model.QualificationLevel;
import fr.territoires.client.model.PageNeedView;
import fr.territoires.stack.BuildInfrastructure;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Java client a partner generates from {@code docs/api/openapi.json} (openapi-generator, library
 * {@code native}), compiled by the build and used against the running platform through the gateway:
 * a company declares a need with it, a partner's service account reads it back with it.
 */
class PartnerClientIT {

    /** Today as the services see it: in Paris (BusinessDates), not in the JVM's zone. */
    private static final BusinessDates DATES = new BusinessDates();

    private static E2ePlatform platform;

    @BeforeAll
    static void startThePlatform() {
        platform = E2ePlatform.get();
    }

    private static ApiClient client(String token) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(platform.gateway());
        client.setReadTimeout(Duration.ofSeconds(30));
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    /** A partner's token: the client-credentials grant of its Keycloak client. */
    private static String partnerToken() {
        return given().baseUri(BuildInfrastructure.keycloakUrl())
                .formParam("grant_type", "client_credentials")
                .formParam("client_id", "partner-france-travail")
                .formParam("client_secret", "partner-france-travail-dev-secret")
                .when().post("/realms/territoires/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    @Test
    void aCompanyDeclaresANeedAndAPartnerReadsItWithTheGeneratedClient() throws Exception {
        String company = KeycloakTokens.user("company.demo");
        // The company exists once its territory has reached recruitment-service through Kafka.
        Awaitility.await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> given().baseUri(platform.gateway())
                .auth().oauth2(company).contentType("application/json")
                .body(Map.of("siret", "99999000500012", "name", "(demo) Métallerie de Pompey", "nafCode", "25.11Z",
                        "commune", "54430", "sizeBand", "SMALL"))
                .when().post("/api/recruitment/companies")
                .then().statusCode(org.hamcrest.Matchers.oneOf(201, 409)));

        LocalDate start = DATES.today().plusDays(15);
        NeedRequest request = new NeedRequest()
                .siret("99999000500012").romeCode("H2913").jobTitle("Soudeur MIG (client généré)").headcount(2)
                .contractType(ContractType.CDI)
                .qualificationLevel(QualificationLevel.SKILLED_WORKER)
                .startDate(start).deadline(start.plusMonths(2)).hoursPerWeek(new BigDecimal("35"))
                .difficult(false);
        RecruitmentNeedsApi asCompany = new RecruitmentNeedsApi(client(company));
        var declared = asCompany.declareNeedWithHttpInfo(request);
        assertEquals(201, declared.getStatusCode());
        String id = declared.getData().getId().toString();

        // A partner reads the page of needs of the territory, typed, and finds it (without the company's identity).
        RecruitmentNeedsApi asPartner = new RecruitmentNeedsApi(client(partnerToken()));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            // Query parameters in the document's order: commune, contractType, departement, difficult, epci, family,
            // page, region, romeCode, siret, size, status, territory, workStudy.
            PageNeedView page = asPartner.listNeeds(null, null, null, null, null, "H", 0, null, "H2913", null, 100, null,
                    "ti-4420", null);
            assertTrue(page.getItems().stream().anyMatch(n -> n.getId().toString().equals(id)
                    && "Soudeur MIG (client généré)".equals(n.getJobTitle())), "the need is listed");
        });

        // A problem answer reaches the client as an ApiException carrying the problem+json body.
        ApiException refused = org.junit.jupiter.api.Assertions.assertThrows(ApiException.class,
                () -> asPartner.declareNeed(request));
        assertEquals(403, refused.getCode());
        assertTrue(refused.getResponseBody().contains("\"status\":403"), refused.getResponseBody());
    }
}
