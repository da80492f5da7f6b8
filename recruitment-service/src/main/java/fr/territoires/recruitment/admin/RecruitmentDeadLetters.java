package fr.territoires.recruitment.admin;

import fr.territoires.backbone.deadletter.DeadLetterAdminResource;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Events recruitment-service could not apply (programme-admin only). */
@Path("/api/recruitment/admin/dead-letters")
@Tag(name = "Operations")
public class RecruitmentDeadLetters extends DeadLetterAdminResource {
}
