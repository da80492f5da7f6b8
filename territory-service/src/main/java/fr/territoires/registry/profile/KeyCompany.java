package fr.territoires.registry.profile;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;

/** A company that matters to a territory's industry, by SIREN. */
@Entity
@Table(name = "key_company")
@IdClass(KeyCompany.Key.class)
public class KeyCompany {

    public record Key(String territoryCode, String siren) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "territory_code")
    public String territoryCode;

    @Id
    public String siren;

    @Column(nullable = false)
    public String name;
}
