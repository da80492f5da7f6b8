package fr.territoires.funding.application;

import fr.territoires.replica.TerritoryStatusListener;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** When a territory leaves the programme, its open applications are flagged for their deciders (same transaction). */
@ApplicationScoped
public class ApplicationsOfLeftTerritories implements TerritoryStatusListener {

    private final ApplicationService applications;

    public ApplicationsOfLeftTerritories(ApplicationService applications) {
        this.applications = applications;
    }

    @Override
    public Uni<Void> statusChanged(String code, String status) {
        return "LEFT".equals(status) ? applications.flagTerritoryLeft(code).replaceWithVoid() : Uni.createFrom().voidItem();
    }
}
