package fr.territoires.recruitment.admin;

import fr.territoires.backbone.deadletter.DeadLetterAdminResource;
import fr.territoires.commons.access.CallerScope;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Events recruitment-service could not apply (programme-admin only). */
@Path("/api/recruitment/admin/dead-letters")
@Tag(name = "Operations")
// As the base class: restated so that the OpenAPI document shows the operations are protected.
@RolesAllowed(CallerScope.PROGRAMME_ADMIN)
@SecurityRequirement(name = "SecurityScheme")
public class RecruitmentDeadLetters extends DeadLetterAdminResource {
}
