package fr.territoires.recruitment.indicators;

import fr.territoires.commons.csv.CsvExport;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/** The indicator series as a spreadsheet opens it: semicolons, one row per month, area and job (CsvExport). */
final class IndicatorCsv {

    static final String HEADER = "month;level;area;area_name;by;job;family_name;declared_needs;declared_positions;"
            + "open_needs;open_positions;difficult_needs;difficult_share;work_study_share;average_age_days;"
            + "unfilled_share;tension;job_label";

    private IndicatorCsv() {
    }

    static String write(Indicators.Query q, List<Indicators.Row> rows) {
        CsvExport csv = CsvExport.of(';', List.of(HEADER.split(";")));
        for (Indicators.Row r : rows) {
            csv.row(Arrays.asList(r.month(), q.level().name(), r.area(), r.areaName(), q.by().name(), r.job(),
                    r.familyName(), r.declaredNeeds(), r.declaredPositions(), r.openNeeds(), r.openPositions(),
                    r.difficultNeeds(), number(r.difficultShare()), number(r.workStudyShare()), number(r.averageAgeDays()),
                    number(r.unfilledShare()), r.tension(), r.jobLabel()));
        }
        return csv.text();
    }

    /** A share or an average as computed (not an amount: no rounding to cents). */
    private static String number(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }
}
