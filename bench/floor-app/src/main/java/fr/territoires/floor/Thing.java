package fr.territoires.floor;

import io.quarkus.hibernate.reactive.panache.PanacheEntity;
import jakarta.persistence.Entity;

/** The one entity: Hibernate boots with a model, as in every service. */
@Entity
public class Thing extends PanacheEntity {
    public String name;
}
