package fr.territoires.e2e;

import static io.restassured.RestAssured.given;

import fr.territoires.stack.BuildInfrastructure;
import fr.territoires.stack.OsProcesses;
import fr.territoires.stack.QuarkusService;
import fr.territoires.stack.Stack;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * Benchmark, not a test (run with -Pbenchmark): importing a national list of the phase-1 size
 * (149 territories, about 16,186 commune rows) into the packaged territory-service, on real
 * PostgreSQL, then importing it again (nothing to change). The list is made of real communes,
 * whole EPCIs, from the service's reference data.
 */
class NationalListImportBenchmark {

    private static final Path ROOT = BuildInfrastructure.buildRoot();
    private static final String DATABASE = "bench_import_territory";

    @Test
    void importAPhaseOneSizedList() throws Exception {
        String csv = phaseOneSizedList();
        int rows = (int) csv.lines().count() - 1;
        int port = OsProcesses.freePort();
        QuarkusService service = PackagedServices.territoryService(DATABASE, port, Map.of());
        Stack stack = new Stack(ROOT.resolve("e2e-tests/target/benchmark-import"), System.out::println);
        stack.start(List.of(service));
        BuildInfrastructure.stopWhenBuildEnds(stack, service);
        String token = KeycloakTokens.user("admin.programme");
        StringBuilder report = new StringBuilder("| run | rows | territories | created | unchanged | seconds |\n|---|---|---|---|---|---|\n");
        try {
            for (String run : List.of("first import", "same list again")) {
                long start = System.nanoTime();
                var body = given().baseUri("http://localhost:" + port).auth().oauth2(token)
                        .contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8))
                        .queryParam("phase", "2019-2022").queryParam("effectiveOn", "2019-03-01")
                        .when().post("/api/territories/import")
                        .then().statusCode(200).extract().jsonPath();
                double seconds = (System.nanoTime() - start) / 1e9;
                report.append(String.format("| %s | %d | %d | %d | %d | %.2f |%n", run, rows, body.getInt("territories"),
                        body.getInt("created"), body.getInt("unchanged"), seconds));
            }
        } finally {
            stack.stop(List.of(service));
        }
        Path out = ROOT.resolve("e2e-tests/target/benchmarks/national-list-import.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString());
        System.out.println("\n" + report);
    }

    /** 149 territories of whole EPCIs, about 16,186 communes in all (the size of phase 1). */
    private static String phaseOneSizedList() throws Exception {
        Path extract = ROOT.resolve("territory-service/src/main/resources/reference/communes.csv.gz");
        Map<String, List<String[]>> byEpci = new TreeMap<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(extract)), StandardCharsets.UTF_8))) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] f = line.split(";", -1);
                if (!f[4].isEmpty()) {
                    byEpci.computeIfAbsent(f[4], k -> new ArrayList<>()).add(f);
                }
            }
        }
        StringBuilder csv = new StringBuilder("insee_com;lib_com;id_ti;lib_ti\n");
        int territories = 149;
        int target = 16_186;
        int written = 0;
        int territory = 0;
        int inTerritory = 0;
        for (List<String[]> communes : byEpci.values()) {
            if (territory == territories) {
                break;
            }
            for (String[] c : communes) {
                csv.append(c[0]).append(';').append(c[1]).append(";ti-bench").append(territory).append(";Territoire ")
                        .append(territory).append('\n');
            }
            written += communes.size();
            inTerritory += communes.size();
            int share = (target - (written - inTerritory)) / (territories - territory);
            if (inTerritory >= share) {
                territory++;
                inTerritory = 0;
            }
        }
        return csv.toString();
    }
}
