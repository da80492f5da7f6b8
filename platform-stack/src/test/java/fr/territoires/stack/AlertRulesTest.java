package fr.territoires.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The alert rules (src/main/resources/monitoring/alert-rules.yml) pass {@code promtool check rules}
 * and their unit tests ({@code promtool test rules}, src/test/resources/monitoring), every alert is
 * unit-tested, and every alert's runbook is a section of docs/operations.md.
 */
class AlertRulesTest {

    private static final Pattern ALERT = Pattern.compile("(?m)^\\s*- alert: (\\S+)\\s*$");
    private static final Pattern RUNBOOK = Pattern.compile("(?m)^\\s*runbook: \"docs/operations\\.md#([^\"]+)\"\\s*$");
    private static final Pattern TESTED = Pattern.compile("(?m)^\\s*alertname: (\\S+)\\s*$");
    private static final Pattern HEADING = Pattern.compile("(?m)^#{2,4} (.+)$");

    private static Path promtool;

    @TempDir
    Path dir;

    @BeforeAll
    static void promtool() {
        if (PrometheusBinaries.find("promtool").isEmpty() && !PrometheusBinaries.canInstall()) {
            Assumptions.abort("promtool is missing and this build is not root: install Debian's 'prometheus' "
                    + "package to test the alert rules");
        }
        promtool = PrometheusBinaries.require("promtool");
    }

    @Test
    void rulesAreValidAndTheirUnitTestsPass() throws Exception {
        Path rules = copy("/monitoring/alert-rules.yml");
        Path tests = copy("/monitoring/alert-rules-test.yml");
        Result check = run(promtool.toString(), "check", "rules", rules.toString());
        assertEquals(0, check.exit(), "promtool check rules:\n" + check.output());
        Result test = run(promtool.toString(), "test", "rules", tests.toString());
        assertEquals(0, test.exit(), "promtool test rules:\n" + test.output());
        assertTrue(test.output().contains("SUCCESS"), test.output());
    }

    @Test
    void everyAlertIsUnitTestedAndHasItsRunbook() throws IOException {
        String rules = resource("/monitoring/alert-rules.yml");
        Set<String> alerts = all(ALERT, rules);
        assertTrue(alerts.size() >= 10, "alerts found: " + alerts);
        Set<String> tested = all(TESTED, resource("/monitoring/alert-rules-test.yml"));
        List<String> untested = alerts.stream().filter(a -> !tested.contains(a)).toList();
        assertEquals(List.of(), untested, "alerts without a promtool unit test");

        assertEquals(alerts.size(), countRunbooks(rules),
                "every alert names its runbook section (runbook: \"docs/operations.md#…\")");
        Set<String> anchors = new LinkedHashSet<>();
        Matcher heading = HEADING.matcher(Files.readString(Path.of("..", "docs", "operations.md")));
        while (heading.find()) {
            anchors.add(anchor(heading.group(1)));
        }
        List<String> missing = all(RUNBOOK, rules).stream().filter(a -> !anchors.contains(a)).toList();
        assertEquals(List.of(), missing, "runbook sections missing from docs/operations.md");
        for (String alert : alerts) {
            assertTrue(anchors.stream().anyMatch(a -> a.contains(alert.toLowerCase(Locale.ROOT))),
                    alert + ": no section of docs/operations.md is named after it");
        }
    }

    /** GitHub's anchor of a heading: lower case, punctuation dropped, spaces as hyphens. */
    static String anchor(String heading) {
        return heading.trim().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
    }

    private static int countRunbooks(String rules) {
        Matcher m = RUNBOOK.matcher(rules);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static Set<String> all(Pattern pattern, String text) {
        Set<String> found = new LinkedHashSet<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private Path copy(String resource) throws IOException {
        Path target = dir.resolve(resource.substring(resource.lastIndexOf('/') + 1));
        Files.writeString(target, resource(resource));
        return target;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = AlertRulesTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException(name + " not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private record Result(int exit, String output) {
    }

    private static Result run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(new ArrayList<>(List.of(command))).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.waitFor(), output);
    }
}
