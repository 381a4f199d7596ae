package vn.thidua.campaign.unit;

import vn.thidua.kit.input.InputRules;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.thidua.kit.security.Roles;

/** The department's divisions and units. */
@Path("/api/units")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Phòng, đơn vị (units)")
@RolesAllowed(Roles.READER)
public class UnitResource {
    private final Clock clock;

    public UnitResource(Clock clock) {
        this.clock = clock;
    }

    @PUT
    @RolesAllowed(Roles.OFFICER)
    @Path("{code}")
    @Transactional
    @Operation(summary = "Create or update a unit (idempotent)", description = "201 when created, 200 when it existed.")
    @APIResponse(responseCode = "201", description = "created (Location: the unit)", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Unit.class)))
    @APIResponse(responseCode = "200", description = "it existed: updated if the name or head changed", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Unit.class)))
    @org.eclipse.microprofile.openapi.annotations.parameters.RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = UnitRequest.class),
            examples = @org.eclipse.microprofile.openapi.annotations.media.ExampleObject(name = "the inspectorate", value = "{\"name\": \"Thanh tra Sở\", \"head\": \"Nguyễn Thị Thu Hà\"}")))
    public Response put(@PathParam("code") @Pattern(regexp = InputRules.UNIT_CODE, message = "must be upper-case letters, digits, - or _ (e.g. TTR)") String code,
                        @Valid @NotNull UnitRequest request, @jakarta.ws.rs.core.Context UriInfo uri) {
        Unit unit = Unit.findById(code);
        boolean created = unit == null;
        if (created) {
            unit = new Unit();
            unit.code = code;
        }
        if (created || !Objects.equals(unit.name, request.name()) || !Objects.equals(unit.head, request.head())) {
            unit.name = request.name();
            unit.head = request.head();
            unit.updatedAt = clock.instant();
            unit.persist();
        }
        return created ? Response.created(uri.getAbsolutePath()).entity(unit).build() : Response.ok(unit).build();
    }

    @GET
    @Operation(summary = "Every unit, by code")
    public List<Unit> list() {
        return Unit.list("order by code");
    }
}
