package vn.thidua.campaign.plan;

import vn.thidua.kit.input.InputRules;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.thidua.kit.problem.DomainException;
import vn.thidua.kit.security.Roles;

/** Plans (Kế hoạch) pushed by the provincial integration feed. */
@Path("/api/plans")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Kế hoạch (plans)")
@RolesAllowed(Roles.READER)
public class PlanResource {
    private final PlanService plans;

    public PlanResource(PlanService plans) {
        this.plans = plans;
    }

    @POST
    @RolesAllowed({Roles.FEED, Roles.OFFICER})
    @Operation(summary = "Register a plan from the provincial feed",
            description = "Identity is (issuer, number). The same plan again answers 200 with the same resource and changes nothing; "
                    + "the same number with other content answers 409 naming the differing fields.")
    @APIResponse(responseCode = "201", description = "registered (Location: the plan)", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "200", description = "the same plan again: unchanged", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "409", description = "plan-conflict: the same number with other content (the differing fields are named)")
    @APIResponse(responseCode = "422", description = "event-contract-violation")
    @org.eclipse.microprofile.openapi.annotations.parameters.RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PlanRequest.class),
            examples = @org.eclipse.microprofile.openapi.annotations.media.ExampleObject(name = "a provincial plan", value = "{\"number\": \"132/KH-UBND\", \"issuedOn\": \"2023-02-20\", \"issuer\": \"UBND tỉnh Thái Nguyên\", \"title\": \"Kế hoạch tổ chức phong trào thi đua chuyển đổi số năm 2023\", \"period\": {\"from\": \"2023-03-01\", \"to\": \"2023-12-31\"}}")))
    public Response register(@Valid @NotNull PlanRequest request, @jakarta.ws.rs.core.Context UriInfo uri) {
        PlanService.Registered registered = plans.register(request.toDetails());
        PlanView view = PlanView.findById(registered.planId());
        if (registered.outcome() == PlanOutcome.REGISTERED) {
            return Response.created(uri.getAbsolutePathBuilder().path(registered.planId()).build()).entity(view).build();
        }
        return Response.ok(view).location(uri.getAbsolutePathBuilder().path(registered.planId()).build()).build();
    }

    @GET
    @Operation(summary = "Every registered plan, by issue date")
    public List<PlanView> list() {
        return PlanView.list("order by issuedOn, number");
    }

    @GET
    @Path("{planId}")
    @Operation(summary = "One plan")
    public PlanView get(@PathParam("planId") @jakarta.validation.constraints.Size(max = InputRules.ID_MAX) String planId) {
        PlanView view = PlanView.findById(planId);
        if (view == null) {
            throw new DomainException(DomainException.Kind.NOT_FOUND, "plan-not-found", "No such plan", "no plan has id " + planId);
        }
        return view;
    }
}
