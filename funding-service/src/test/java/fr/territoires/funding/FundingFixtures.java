package fr.territoires.funding;

import static io.restassured.RestAssured.given;

import fr.territoires.testing.Sql;
import fr.territoires.testing.TestTokens;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.specification.RequestSpecification;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Envelopes, territories and applications for funding-service's tests. Territories are written
 * into the replica table directly (the consumer that fills it from territory events has its own
 * tests against the real broker); everything else goes through the API.
 */
public final class FundingFixtures {

    public static final Sql DB = Sql.on("funding");
    /** Pont-à-Mousson and Pompey: Meurthe-et-Moselle, Grand Est (44). */
    public static final List<String> GRAND_EST_COMMUNES = List.of("54431", "54430");

    /**
     * Envelopes of the fixtures run from two years before the current fiscal year (Paris) to four
     * after it, so that commitments and payments dated today fall inside them whatever the year.
     */
    public static final int FIRST_YEAR = today().getYear() - 2;
    public static final int LAST_YEAR = today().getYear() + 4;

    private FundingFixtures() {
    }

    /** Today as the service dates things (Europe/Paris), with the real clock. */
    public static java.time.LocalDate today() {
        return new fr.territoires.commons.time.BusinessDates().today();
    }

    /** Amounts read back as BigDecimal, never as float. */
    public static RequestSpecification api(String token) {
        return given().config(RestAssuredConfig.config().jsonConfig(JsonConfig.jsonConfig()
                .numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL)))
                .auth().oauth2(token).contentType("application/json");
    }

    public static String admin() {
        return TestTokens.programmeAdmin();
    }

    public static String officer(String region) {
        return TestTokens.user("officer." + region).roles("region-officer").region(region).token();
    }

    public static String manager(String code) {
        return TestTokens.user("lead." + code).roles("territory-manager").territories(code).token();
    }

    /** A territory as territory events would have left it in the replica. */
    public static String territory(String status, List<String> communes) {
        String code = "ti-f" + UUID.randomUUID().toString().substring(0, 8);
        replicaHolds(code, "Territoire " + code, status, communes);
        return code;
    }

    /** Writes a territory into the replica as its events would have, its perimeter in force since always. */
    public static void replicaHolds(String code, String name, String status, List<String> communes) {
        DB.rows("INSERT INTO territory (code, name, status, updated_at, last_event_id) "
                + "VALUES (?, ?, ?, now(), 'fixture') ON CONFLICT (code) DO NOTHING", code, name, status);
        DB.rows("INSERT INTO territory_perimeter (territory_code, effective_on, epcis, communes, event_id) "
                + "VALUES (?, '-infinity', '{}', ?::text[], 'fixture') ON CONFLICT DO NOTHING", code,
                "{" + String.join(",", communes) + "}");
    }

    public static String labelledInGrandEst() {
        return territory("LABELLED", GRAND_EST_COMMUNES);
    }

    public static Map<String, Object> nationalEnvelope(String name, String ceiling) {
        Map<String, Object> e = new HashMap<>(Map.of("funder", "STATE_ANCT", "name", name, "priority", "INNOVATE",
                "scope", "NATIONAL", "firstYear", FIRST_YEAR, "lastYear", LAST_YEAR, "ceiling", new BigDecimal(ceiling)));
        return e;
    }

    public static UUID openEnvelope(Map<String, Object> body) {
        return UUID.fromString(api(admin()).body(body).when().post("/api/funding/envelopes")
                .then().statusCode(201).extract().path("id"));
    }

    public static UUID openEnvelope(String ceiling) {
        return openEnvelope(nationalEnvelope("Envelope " + UUID.randomUUID(), ceiling));
    }

    public static Map<String, Object> application(String territory, Object eligibleCost, boolean localAuthority,
            Map<UUID, String> requested) {
        return new HashMap<>(Map.of("territory", territory,
                "owner", Map.of("siret", localAuthority ? "24540060100002" : "55208131766522", "name",
                        localAuthority ? "CC du Bassin de Pompey" : "Exemple Industries", "localAuthority", localAuthority),
                "title", "Industrial project", "eligibleCost", eligibleCost,
                "plan", requested.entrySet().stream().map(r -> Map.of("envelopeId", r.getKey().toString(),
                        "requested", new BigDecimal(r.getValue()))).toList(),
                "jobsCreated", 12, "jobsKept", 30, "privateInvestment", new BigDecimal("250000.00")));
    }

    /** An application created, submitted and taken under review, ready for a decision. */
    public static UUID underReview(Map<String, Object> application) {
        UUID id = UUID.fromString(api(admin()).body(application).when().post("/api/funding/applications")
                .then().statusCode(201).extract().path("id"));
        api(admin()).when().post("/api/funding/applications/" + id + "/submission").then().statusCode(200);
        api(admin()).when().post("/api/funding/applications/" + id + "/review").then().statusCode(200);
        return id;
    }

    public static BigDecimal committed(UUID envelope) {
        return (BigDecimal) DB.rows("SELECT committed FROM envelope WHERE id = ?", envelope).get(0).get("committed");
    }
}
