package vn.thidua.evaluation.score;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.thidua.kit.security.Roles;

/** Administration of the projection: drop the read model and rebuild it from the topics. */
@Path("/api/projection")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Projection (admin)")
@RolesAllowed(Roles.OFFICER)
public class ProjectionResource {
    private final ProjectionRebuild rebuild;

    public ProjectionResource(ProjectionRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @POST
    @Path("rebuild")
    @Operation(summary = "Drop the read model and rebuild it from the topics; answers each year's digest before and after")
    public ProjectionRebuild.Rebuilt rebuild() throws Exception {
        return rebuild.rebuild();
    }
}
