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
        assertEquals(Optional.of("territory-service"), RouteTable.serviceFor("/api/territories/ti-4401/sites"));
        assertEquals(Optional.of("territory-service"), RouteTable.serviceFor("/api/communes/54431/territory"));
        assertEquals(Optional.of("territory-service"), RouteTable.serviceFor("/api/epcis/200070563"));
        assertEquals(Optional.of("funding-service"), RouteTable.serviceFor("/api/funding/envelopes"));
        assertEquals(Optional.of("recruitment-service"), RouteTable.serviceFor("/api/recruitment/needs"));
    }

    @Test
    void theDashboardIsTheGatewaysOwn() {
        assertEquals(Optional.empty(), RouteTable.serviceFor("/api/territories/ti-4401/dashboard"));
        assertEquals(Optional.of("territory-service"), RouteTable.serviceFor("/api/territories/ti-4401/dashboards"));
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
        assertTrue(RouteTable.isPublic("GET", "/api/territories/ti-4401"));
        assertTrue(RouteTable.isPublic("HEAD", "/api/territories/ti-4401/"));
        assertFalse(RouteTable.isPublic("POST", "/api/territories"));
        assertTrue(RouteTable.isPublic("GET", "/api/territories/ti-4401/governance"));
        assertTrue(RouteTable.isPublic("GET", "/api/territories/ti-4401/industrial-profile"));
        assertTrue(RouteTable.isPublic("GET", "/api/territories/ti-4401/sites"));
        assertTrue(RouteTable.isPublic("GET", "/api/territories/ti-4401/sites/3"));
        assertFalse(RouteTable.isPublic("GET", "/api/territories/ti-4401/dashboard"));
        assertFalse(RouteTable.isPublic("GET", "/api/territories/ti-4401/action-sheets"));
        assertFalse(RouteTable.isPublic("GET", "/api/territories/ti-4401/perimeter"));
        assertFalse(RouteTable.isPublic("GET", "/api/territories/ti-4401/sites/3/photos"));
        assertFalse(RouteTable.isPublic("POST", "/api/territories/ti-4401/sites"));
        assertFalse(RouteTable.isPublic("GET", "/api/funding/envelopes"));
        assertFalse(RouteTable.isPublic("DELETE", "/api/territories/ti-4401"));
    }
}
