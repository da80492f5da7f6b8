package fr.territoires.backbone.testapp;

import fr.territoires.backbone.deadletter.DeadLetterAdminResource;
import jakarta.ws.rs.Path;

/** The test application's dead-letter administration: a protected endpoint (programme-admin), as a service has. */
@Path("/test/admin/dead-letters")
public class TestDeadLetterAdmin extends DeadLetterAdminResource {
}
