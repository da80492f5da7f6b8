package fr.territoires.recruitment.need;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.UUID;

/** A company's need to hire for one job (ROME code) in a territory. No personal data. */
@Entity
@Table(name = "recruitment_need")
public class RecruitmentNeed {

    public enum ContractType { CDI, CDD, TEMPORARY, APPRENTICESHIP, PROFESSIONALISATION, OTHER }

    public enum Status { OPEN, PARTIALLY_FILLED, FILLED, CANCELLED, EXPIRED }

    @Id
    public UUID id;

    @Column(nullable = false, length = 14)
    public String siret;

    @Column(name = "territory_code", nullable = false, length = 32)
    public String territoryCode;

    /** INSEE code of the establishment's commune. */
    @Column(nullable = false, length = 5)
    public String commune;

    @Column(name = "rome_code", nullable = false, length = 5)
    public String romeCode;

    @Column(name = "job_title", nullable = false, length = 200)
    public String jobTitle;

    @Column(nullable = false)
    public int headcount;

    @Enumerated(EnumType.STRING)
    @Column(name = "contract_type", nullable = false, length = 24)
    public ContractType contractType;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public Status status;

    @Version
    public long version;

    public static RecruitmentNeed open(String siret, String territoryCode, String commune, String romeCode,
            String jobTitle, int headcount, ContractType contractType) {
        RecruitmentNeed n = new RecruitmentNeed();
        n.id = UUID.randomUUID();
        n.siret = siret;
        n.territoryCode = territoryCode;
        n.commune = commune;
        n.romeCode = romeCode;
        n.jobTitle = jobTitle;
        n.headcount = headcount;
        n.contractType = contractType;
        n.status = Status.OPEN;
        return n;
    }
}
