package fr.territoires.registry.perimeter;

import fr.territoires.commons.access.CallerScope;
import io.smallrye.mutiny.Uni;
import java.util.List;

/**
 * Who may change a territory's perimeter, as the perimeters need to know it. Implemented by the
 * access capability ({@code TerritoryAccess}), which sits above the perimeters: it reads them to
 * work out a territory's regions.
 */
public interface PerimeterPermissions {

    /** Fails with 404 when the territory does not exist, 403 when the caller may not manage it. */
    Uni<?> requireManager(CallerScope caller, String code);

    /** Refuses (403) the EPCIs the caller may not bring into a perimeter, or take out of it. */
    void checkEpcisMayChange(CallerScope caller, List<String> joining, List<String> leaving);
}
