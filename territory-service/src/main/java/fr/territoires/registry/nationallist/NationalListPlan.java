package fr.territoires.registry.nationallist;

import fr.territoires.commons.codes.OfficialCodes;
import fr.territoires.registry.reference.ReferenceData;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What a national list says, checked row by row against the reference data before anything is
 * stored: the territories it holds, each with its name and the EPCIs derived from its communes,
 * and every rejected row with its reason. Plain rules, no I/O.
 */
public final class NationalListPlan {

    private static final Pattern TERRITORY_CODE = Pattern.compile("ti-[0-9A-Za-z-]+");

    /** A territory as the list describes it. */
    public record Planned(String code, String name, List<String> epcis, List<Integer> lines) {
    }

    public record Rejection(int line, String inseeCom, String idTi, String reason) {
    }

    private final Map<String, Planned> territories;
    private final List<Rejection> rejections;
    private final Map<Integer, String> territoryOfLine;

    private NationalListPlan(Map<String, Planned> territories, List<Rejection> rejections,
            Map<Integer, String> territoryOfLine) {
        this.territories = territories;
        this.rejections = rejections;
        this.territoryOfLine = territoryOfLine;
    }

    public static NationalListPlan of(List<NationalListCsv.Row> rows, ReferenceData reference) {
        List<Rejection> rejections = new ArrayList<>();
        Map<String, List<NationalListCsv.Row>> byCommune = new HashMap<>();
        for (NationalListCsv.Row row : rows) {
            byCommune.computeIfAbsent(row.inseeCom(), k -> new ArrayList<>()).add(row);
        }
        Map<String, String> nameOf = new LinkedHashMap<>();
        Map<String, TreeSet<String>> epcisOf = new LinkedHashMap<>();
        Map<String, List<Integer>> linesOf = new HashMap<>();
        Map<Integer, String> territoryOfLine = new HashMap<>();
        for (NationalListCsv.Row row : rows) {
            String reason = rowProblem(row, reference, byCommune.get(row.inseeCom()));
            if (reason == null && nameOf.containsKey(row.idTi()) && !nameOf.get(row.idTi()).equals(row.libTi())) {
                reason = "territory " + row.idTi() + " is named \"" + nameOf.get(row.idTi()) + "\" on an earlier row";
            }
            if (reason != null) {
                rejections.add(new Rejection(row.line(), row.inseeCom(), row.idTi(), reason));
                continue;
            }
            nameOf.putIfAbsent(row.idTi(), row.libTi());
            epcisOf.computeIfAbsent(row.idTi(), k -> new TreeSet<>())
                    .add(reference.commune(row.inseeCom()).orElseThrow().epci());
            linesOf.computeIfAbsent(row.idTi(), k -> new ArrayList<>()).add(row.line());
            territoryOfLine.put(row.line(), row.idTi());
        }
        Map<String, Planned> territories = new LinkedHashMap<>();
        nameOf.forEach((code, name) -> territories.put(code,
                new Planned(code, name, List.copyOf(epcisOf.get(code)), List.copyOf(linesOf.get(code)))));
        return new NationalListPlan(territories, rejections, territoryOfLine);
    }

    private static String rowProblem(NationalListCsv.Row row, ReferenceData reference,
            List<NationalListCsv.Row> sameCommune) {
        var codeProblem = OfficialCodes.communeProblem(row.inseeCom());
        if (codeProblem.isPresent()) {
            return "insee_com " + codeProblem.get();
        }
        if (!TERRITORY_CODE.matcher(row.idTi()).matches()) {
            return "id_ti must be an official territory code such as ti-8413";
        }
        if (row.libTi().isBlank() || row.libTi().length() > 200) {
            return "lib_ti must be a name of 1 to 200 characters";
        }
        var commune = reference.commune(row.inseeCom());
        if (commune.isEmpty()) {
            return "unknown commune " + row.inseeCom() + " in " + reference.source();
        }
        if (commune.get().epci() == null) {
            return "commune " + row.inseeCom() + " belongs to no EPCI";
        }
        List<String> claimants = sameCommune.stream().map(NationalListCsv.Row::idTi).distinct().sorted().toList();
        if (claimants.size() > 1) {
            return "commune " + row.inseeCom() + " is claimed by " + String.join(" and ", claimants);
        }
        if (sameCommune.size() > 1 && sameCommune.get(0).line() != row.line()) {
            return "commune " + row.inseeCom() + " is listed twice for " + row.idTi() + " (line " + sameCommune.get(0).line() + ")";
        }
        return null;
    }

    public Map<String, Planned> territories() {
        return territories;
    }

    public List<Rejection> rejections() {
        return rejections;
    }

    public boolean acceptable() {
        return rejections.isEmpty();
    }

    public String territoryOfLine(int line) {
        return territoryOfLine.get(line);
    }
}
