package fr.territoires.funding.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fr.territoires.commons.problem.ProblemException;
import org.junit.jupiter.api.Test;

class ReportParamsTest {

    private static void refused(String field, String message, Runnable parse) {
        ProblemException e = assertThrows(ProblemException.class, parse::run);
        assertEquals(400, e.problem().status());
        assertEquals(field, e.problem().errors().get(0).field());
        assertEquals(message, e.problem().errors().get(0).message());
    }

    @Test
    void byIsRequiredAndNamesItsValues() {
        assertEquals(FundingSummary.By.REGION, ReportParams.by("region"));
        assertEquals(FundingSummary.By.YEAR, ReportParams.by(" Year "));
        refused("by", "must be one of territory, region, priority, funder, year", () -> ReportParams.by("commune"));
        refused("by", "is required and must be one of territory, region, priority, funder, year", () -> ReportParams.by(null));
    }

    @Test
    void formatIsJsonUnlessCsvIsAsked() {
        assertEquals(ReportParams.Format.JSON, ReportParams.format(null));
        assertEquals(ReportParams.Format.CSV, ReportParams.format("csv"));
        refused("format", "must be one of json, csv", () -> ReportParams.format("xlsx"));
    }

    @Test
    void aYearIsAFiscalYearOfTheProgramme() {
        assertNull(ReportParams.year(""));
        assertEquals(2026, ReportParams.year("2026"));
        refused("year", "must be a year from 2018 to 2100", () -> ReportParams.year("26"));
        refused("year", "must be a year from 2018 to 2100", () -> ReportParams.year("deux-mille"));
        refused("year", "must be a year from 2018 to 2100", () -> ReportParams.year("99999999999"));
    }

    @Test
    void regionsAndTerritoriesAreCodes() {
        assertEquals("44", ReportParams.region("44"));
        refused("region", "must be an INSEE region code, e.g. 44", () -> ReportParams.region("54"));
        assertEquals("ti-8413", ReportParams.territory("ti-8413"));
        refused("territory", "must be a territory code, e.g. ti-8413", () -> ReportParams.territory("8413; drop"));
    }
}
