package fr.territoires.commons.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

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

    @Test
    void aServiceWhoseDecimalsAreEurosSaysTheyHaveTwoDecimals() {
        Schema line = OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .addProperty("amount", number())
                .addProperty("ratio", number().format("double"))
                .addProperty("count", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)));
        Schema view = OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .addProperty("ceiling", number().description("Commitment ceiling (AE)"))
                .addProperty("lines", OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY)).items(line))
                .addProperty("yearly", OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                        .additionalPropertiesSchema(number()));
        OpenAPI api = OASFactory.createOpenAPI().components(OASFactory.createComponents().addSchema("View", view));
        new ContractFilter(true).filterOpenAPI(api);
        Schema ceiling = view.getProperties().get("ceiling");
        assertEquals(new BigDecimal("0.01"), ceiling.getMultipleOf());
        assertEquals(List.of(new BigDecimal("2400.50")), ceiling.getExamples());
        assertEquals("Commitment ceiling (AE)", ceiling.getDescription());
        assertEquals(new BigDecimal("0.01"), line.getProperties().get("amount").getMultipleOf());
        assertEquals(ContractFilter.MONEY_DESCRIPTION, line.getProperties().get("amount").getDescription());
        assertEquals(new BigDecimal("0.01"), view.getProperties().get("yearly").getAdditionalPropertiesSchema().getMultipleOf());
        assertNull(line.getProperties().get("ratio").getMultipleOf(), "a double is not an amount");
        assertNull(line.getProperties().get("count").getMultipleOf());

        Schema other = number();
        new ContractFilter(false).filterOpenAPI(OASFactory.createOpenAPI()
                .components(OASFactory.createComponents().addSchema("Hours", other)));
        assertNull(other.getMultipleOf(), "other services keep their decimals as they are");
    }

    private static Schema number() {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.NUMBER));
    }
}
