package fr.territoires.registry.governance;

import fr.territoires.registry.audit.Edited;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** The binôme that leads a territory and its project lead (one row per territory). */
@Entity
@Table(name = "governance")
public class Governance extends Edited {

    @Id
    @Column(name = "territory_code")
    public String territoryCode;

    @Column(name = "elected_name")
    public String electedName;
    @Column(name = "elected_office")
    public String electedOffice;
    @Column(name = "elected_organisation")
    public String electedOrganisation;

    @Column(name = "industrialist_name")
    public String industrialistName;
    @Column(name = "industrialist_position")
    public String industrialistPosition;
    @Column(name = "industrialist_company")
    public String industrialistCompany;
    @Column(name = "industrialist_siren")
    public String industrialistSiren;

    @Column(name = "project_lead_name")
    public String projectLeadName;
    @Column(name = "project_lead_employer")
    public String projectLeadEmployer;
    @Column(name = "project_lead_since")
    public LocalDate projectLeadSince;

    /** Who funds the project lead's post (the State co-funds it in phase 2). */
    @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.ARRAY)
    @Column(name = "project_lead_funders", nullable = false, columnDefinition = "text[]")
    public String[] projectLeadFunders = {};
}
