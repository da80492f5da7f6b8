package fr.territoires.registry.territory;

import java.util.List;

/** The programme's phases (DOMAIN.md): phase 1 2019-2022, phase 2 2023-2027. */
public final class Phases {

    public static final String FIRST = "2019-2022";
    public static final String CURRENT = "2023-2027";
    public static final List<String> ALL = List.of(FIRST, CURRENT);

    private Phases() {
    }
}
