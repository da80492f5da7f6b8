package fr.territoires.funding.admin;

import fr.territoires.backbone.deadletter.DeadLetterAdminResource;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Events funding-service could not apply (programme-admin only). */
@Path("/api/funding/admin/dead-letters")
@Tag(name = "Operations")
public class FundingDeadLetters extends DeadLetterAdminResource {
}
