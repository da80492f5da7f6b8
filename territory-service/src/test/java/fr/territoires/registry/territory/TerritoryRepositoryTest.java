package fr.territoires.registry.territory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fr.territoires.commons.paging.Page;
import fr.territoires.commons.paging.PageRequest;
import fr.territoires.commons.paging.Pages;
import fr.territoires.registry.entry.Territory;
import fr.territoires.registry.entry.TerritoryRepository;
import fr.territoires.registry.entry.TerritoryStatus;
import io.quarkus.panache.common.Sort;
import fr.territoires.testing.ReactiveDb;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Against the real PostgreSQL, each test in a transaction that is rolled back. */
@QuarkusTest
class TerritoryRepositoryTest {

    @Inject
    TerritoryRepository territories;

    @Test
    void pagesInCodeOrderWithTheTotal() {
        Page<Territory> page = ReactiveDb.rolledBack(() -> EmptyRegistry.delete()
                .chain(() -> territories.persist(
                        Territory.of("ti-0003", "C", TerritoryStatus.CANDIDATE, false),
                        Territory.of("ti-0001", "A", TerritoryStatus.LABELLED, false),
                        Territory.of("ti-0002", "B", TerritoryStatus.LEFT, false)))
                .chain(() -> Pages.read(territories.findAll(Sort.by("code")), PageRequest.of(1, 2))));

        assertEquals(List.of("ti-0003"), page.items().stream().map(t -> t.code).toList());
        assertEquals(3, page.total());
    }

    @Test
    void theSchemaRefusesACodeThatIsNotAnOfficialOne() {
        RuntimeException e = assertThrows(RuntimeException.class, () -> ReactiveDb.rolledBack(
                () -> territories.persistAndFlush(Territory.of("val-de-lorraine", "Val de Lorraine",
                        TerritoryStatus.LABELLED, true))));
        assertEquals(true, String.valueOf(rootMessage(e)).contains("territory_code_check"), rootMessage(e));
    }

    private static String rootMessage(Throwable e) {
        while (e.getCause() != null) {
            e = e.getCause();
        }
        return e.getMessage();
    }
}
