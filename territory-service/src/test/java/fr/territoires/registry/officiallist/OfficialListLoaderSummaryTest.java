package fr.territoires.registry.officiallist;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The start log's line, which docs/benchmarks.md reads its figures from. */
class OfficialListLoaderSummaryTest {

    @Test
    void bothListsNewestFirstWithTheirDurations() {
        List<OfficialListLoader.Loaded> loaded = List.of(
                new OfficialListLoader.Loaded("2019-2022", 149, 588, 0, List.of(), List.of(), 310, 120),
                new OfficialListLoader.Loaded("2023-2027", 183, 641, 366, List.of(), List.of(), 1200, 400));
        assertEquals("Official lists loaded: 183 + 149 territories in 1530 ms (2023-2027: 183 territories, 641 members, "
                + "366 events, 1200 ms (400 ms CPU on the loading thread); 2019-2022: 149 territories, 588 members, 0 events, "
                + "310 ms (120 ms CPU on the loading thread); ANCT)",
                OfficialListLoader.summary(loaded, 1530, "ANCT"));
    }

    @Test
    void whatWasNotLoadedIsSaid() {
        assertEquals("Official lists already loaded (ANCT)", OfficialListLoader.summary(List.of(), 3, "ANCT"));
        assertEquals("Official lists loaded: 181 territories in 900 ms (2023-2027: 181 territories, 630 members, 362 events, "
                + "880 ms, unresolved [ti-4420:245400999], already in the registry [ti-4401, ti-4402]; ANCT)",
                OfficialListLoader.summary(List.of(new OfficialListLoader.Loaded("2023-2027", 181, 630, 362,
                        List.of("ti-4420:245400999"), List.of("ti-4401", "ti-4402"), 880, -1)), 900, "ANCT"));
    }
}
