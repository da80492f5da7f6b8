package fr.territoires.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class RouteTableTest {

    @Test
    void eachPathGoesToItsService() {
        assertEquals(Optional.of("territory-service"), RouteTable.serviceFor("/api/territories"));
        assertEquals(Optional.of("territory-service"), RouteTable.serviceFor("/api/territories/ti-4420/sites"));
        assertEquals(Optional.of("territory-service"), RouteTable.serviceFor("/api/communes/54431/territory"));
        assertEquals(Optional.of("territory-service"), RouteTable.serviceFor("/api/epcis/200070563"));
        assertEquals(Optional.of("funding-service"), RouteTable.serviceFor("/api/funding/envelopes"));
        assertEquals(Optional.of("recruitment-service"), RouteTable.serviceFor("/api/recruitment/needs"));
    }

    @Test
    void theDashboardIsTheGatewaysOwn() {
        assertEquals(Optional.empty(), RouteTable.serviceFor("/api/territories/ti-4420/dashboard"));
        assertEquals(Optional.of("territory-service"), RouteTable.serviceFor("/api/territories/ti-4420/dashboards"));
    }

    @Test
    void metricsNameARouteNeverAPath() {
        assertEquals(Optional.of("/api/territories/**"), RouteTable.metricRoute("/api/territories/ti-4420"));
        assertEquals(Optional.of("/api/territories/**"), RouteTable.metricRoute("/api/territories/ti-0101/sites/7"));
        assertEquals(Optional.of("/api/territories"), RouteTable.metricRoute("/api/territories"));
        assertEquals(Optional.of("/api/funding/**"),
                RouteTable.metricRoute("/api/funding/applications/784d41e2-c58d-4366-9fcb-3a0196c866a7/decision"));
        assertEquals(Optional.empty(), RouteTable.metricRoute("/api/territories/ti-4420/dashboard"));
        assertEquals(Optional.empty(), RouteTable.metricRoute("/api/me"));
    }

    @Test
    void aPrefixMustBeAWholeSegment() {
        assertEquals(Optional.empty(), RouteTable.serviceFor("/api/fundingx"));
        assertEquals(Optional.empty(), RouteTable.serviceFor("/api/me"));
    }

    @Test
    void aPathCannotClimbOutOfItsRoute() {
        assertEquals(Optional.empty(), RouteTable.serviceFor("/api/territories/../funding/envelopes"));
    }

    @Test
    void onlyReadsOfTheListAndAPublicProfileArePublic() {
        assertTrue(RouteTable.isPublic("GET", "/api/territories"));
        assertTrue(RouteTable.isPublic("GET", "/api/territories/ti-4420"));
        assertTrue(RouteTable.isPublic("HEAD", "/api/territories/ti-4420/"));
        assertFalse(RouteTable.isPublic("POST", "/api/territories"));
        assertTrue(RouteTable.isPublic("GET", "/api/territories/ti-4420/governance"));
        assertTrue(RouteTable.isPublic("GET", "/api/territories/ti-4420/industrial-profile"));
        assertTrue(RouteTable.isPublic("GET", "/api/territories/ti-4420/sites"));
        assertTrue(RouteTable.isPublic("GET", "/api/territories/ti-4420/sites/3"));
        // Outlines for maps (issue #13): the national collection of a phase and one territory's.
        assertTrue(RouteTable.isPublic("GET", "/api/territories/outlines"));
        assertTrue(RouteTable.isPublic("GET", "/api/territories/ti-4420/outline"));
        assertFalse(RouteTable.isPublic("PUT", "/api/territories/ti-4420/outline"));
        assertFalse(RouteTable.isPublic("GET", "/api/territories/ti-4420/outline/extra"));
        assertFalse(RouteTable.isPublic("GET", "/api/territories/ti-4420/dashboard"));
        assertFalse(RouteTable.isPublic("GET", "/api/territories/ti-4420/action-sheets"));
        assertFalse(RouteTable.isPublic("GET", "/api/territories/ti-4420/perimeter"));
        assertFalse(RouteTable.isPublic("GET", "/api/territories/ti-4420/sites/3/photos"));
        assertFalse(RouteTable.isPublic("POST", "/api/territories/ti-4420/sites"));
        assertFalse(RouteTable.isPublic("GET", "/api/funding/envelopes"));
        assertFalse(RouteTable.isPublic("DELETE", "/api/territories/ti-4420"));
    }
}
