package fr.territoires.commons.paging;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The {@code page} and {@code size} query parameters of every list ({@code @BeanParam}). */
public class PagingParams {

    @QueryParam("page")
    @Parameter(description = "Page number, from 0", schema = @Schema(type = SchemaType.INTEGER, minimum = "0"))
    String page;

    @QueryParam("size")
    @Parameter(description = "Page size, 1-" + PageRequest.MAX_SIZE + " (default " + PageRequest.DEFAULT_SIZE + ")",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100"))
    String size;

    /** Validated; a 400 naming the field otherwise. */
    public PageRequest request() {
        return PageRequest.parse(page, size);
    }
}
