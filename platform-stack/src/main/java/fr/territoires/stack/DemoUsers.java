package fr.territoires.stack;

/** The realm's demo users (one per role of DESIGN.md §4); all have the password "demo". */
public final class DemoUsers {

    public static final String PASSWORD = "demo";

    /** Username, then what it may do. Kept in step with keycloak/territoires-realm.json. */
    static final String[][] ALL = {
        {"admin.programme", "programme-admin: everything"},
        {"officer.grandest", "region-officer, region 44 (Grand Est)"},
        {"lead.valdelorraine", "territory-manager of Val de Lorraine"},
        {"company.demo", "company, its own SIREN"},
        {"partner.demo", "partner: read-only"},
    };

    private DemoUsers() {
    }
}
