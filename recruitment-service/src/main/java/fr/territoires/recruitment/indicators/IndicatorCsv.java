package fr.territoires.recruitment.indicators;

import java.math.BigDecimal;
import java.util.List;

/** The indicator series as a spreadsheet opens it: semicolons, one row per month, area and job. */
final class IndicatorCsv {

    static final String HEADER = "month;level;area;area_name;by;job;family_name;declared_needs;declared_positions;"
            + "open_needs;open_positions;difficult_needs;difficult_share;work_study_share;average_age_days;"
            + "unfilled_share;tension;job_label";

    private IndicatorCsv() {
    }

    static String write(Indicators.Query q, List<Indicators.Row> rows) {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (Indicators.Row r : rows) {
            csv.append(String.join(";", r.month(), q.level().name(), text(r.area()), text(r.areaName()), q.by().name(),
                    text(r.job()), text(r.familyName()), String.valueOf(r.declaredNeeds()),
                    String.valueOf(r.declaredPositions()), String.valueOf(r.openNeeds()), String.valueOf(r.openPositions()),
                    String.valueOf(r.difficultNeeds()), number(r.difficultShare()), number(r.workStudyShare()),
                    number(r.averageAgeDays()), number(r.unfilledShare()),
                    r.tension() == null ? "" : String.valueOf(r.tension()), text(r.jobLabel()))).append('\n');
        }
        return csv.toString();
    }

    private static String number(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    /** Quoted when it holds a separator, a quote or a line break (RFC 4180). */
    private static String text(String value) {
        if (value == null) {
            return "";
        }
        if (value.contains(";") || value.contains("\"") || value.contains("\n")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
