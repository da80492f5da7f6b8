package fr.territoires.commons.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.eclipse.microprofile.openapi.models.PathItem.HttpMethod;
import org.junit.jupiter.api.Test;

class ContractFilterTest {

    @Test
    void anOperationIsNamedByItsVerbAndItsResource() {
        assertEquals("listTerritory", ContractFilter.operationId("TerritoryResource_list", HttpMethod.GET, "/api/territories"));
        assertEquals("decideApplication",
                ContractFilter.operationId("ApplicationResource_decide", HttpMethod.POST, "/api/funding/applications/{id}/decision"));
        // A method that already names its resource keeps its name.
        assertEquals("exportNationalList",
                ContractFilter.operationId("NationalListExportResource_exportNationalList", HttpMethod.GET, "/x"));
        assertEquals("listCompanies", ContractFilter.operationId("CompanyResource_listCompanies", HttpMethod.GET, "/x"));
        assertEquals("explicitName", ContractFilter.operationId("explicitName", HttpMethod.GET, "/x"));
    }
}
