package fr.territoires.events.recruitment;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * A recruitment need as the need events carry it, whole. No personal data: the company is known by
 * its activity (NAF) and size band only, never by SIRET, name or contact.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NeedV1(UUID id, String romeCode, String romeFamily, String jobTitle, String commune, String departement,
        String epci, String nafCode, String sizeBand, int headcount, int filledCount, int openPositions,
        String contractType, String qualificationLevel, List<String> skills, boolean workStudy, String startDate,
        String deadline, BigDecimal hoursPerWeek, boolean difficult, List<String> difficultyReasons, String status,
        String declaredOn, String closedOn) {

    /** {@code fr.territoires.recruitment.need-published.v1}. */
    public record Published(String code, NeedV1 need) {
    }

    /** {@code fr.territoires.recruitment.need-updated.v1}: still open; {@code changed} names the fields. */
    public record Updated(String code, NeedV1 need, List<String> changed) {
    }

    /** {@code fr.territoires.recruitment.need-filled.v1}. */
    public record Filled(String code, NeedV1 need, String previousStatus) {
    }

    /** {@code fr.territoires.recruitment.need-cancelled.v1}. */
    public record Cancelled(String code, NeedV1 need, String previousStatus) {
    }

    /** {@code fr.territoires.recruitment.need-expired.v1}. */
    public record Expired(String code, NeedV1 need, String previousStatus) {
    }
}
