package vn.thidua.campaign.campaign;

import vn.thidua.kit.input.InputRules;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.thidua.contract.events.CampaignKind;
import vn.thidua.kit.idempotency.IdempotencyKeys;
import vn.thidua.kit.security.Caller;
import vn.thidua.kit.security.Roles;

/** Campaigns (phong trào thi đua): launch, read, acknowledge. */
@Path("/api/campaigns")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Phong trào thi đua (campaigns)")
@RolesAllowed(Roles.READER)
public class CampaignResource {
    private final CampaignService campaigns;
    private final IdempotencyKeys idempotency;
    private final Caller caller;

    public CampaignResource(CampaignService campaigns, IdempotencyKeys idempotency, Caller caller) {
        this.campaigns = campaigns;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.OFFICER)
    @Operation(summary = "Launch a campaign and notify its recipient units",
            description = "Emits CampaignLaunched, then one DepartmentNotified per unit. Honours Idempotency-Key: a retry with the same "
                    + "key and body returns the first answer; the same key with another body is a 409.")
    @APIResponse(responseCode = "201", description = "launched and notified (Location: the campaign); a retry with the same Idempotency-Key and body answers it again", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CampaignDetails.class)))
    @APIResponse(responseCode = "409", description = "idempotency-key-reused: the same Idempotency-Key with another body")
    @APIResponse(responseCode = "422", description = "phase-needs-end, no-recipients, unknown-plan, ambiguous-plan, unknown-unit, event-contract-violation")
    @org.eclipse.microprofile.openapi.annotations.parameters.RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CampaignRequest.class),
            examples = @org.eclipse.microprofile.openapi.annotations.media.ExampleObject(name = "a campaign theo Chuyên đề", value = "{\"kind\": \"THEMATIC\", \"title\": \"Thi đua chuyển đổi số năm 2023\", \"content\": \"Đẩy mạnh ứng dụng công nghệ thông tin trong các phòng, đơn vị thuộc Sở\", \"basisPlanNumbers\": [\"132/KH-UBND\"], \"period\": {\"from\": \"2023-03-01\", \"to\": \"2023-12-31\"}, \"launchDocument\": {\"number\": \"45/SKHCN-VP\", \"issuedOn\": \"2023-03-02\", \"signerName\": \"Trần Văn Minh\", \"signerCapacity\": \"Giám đốc Sở\"}, \"allUnits\": true}")))
    public Response launch(@Valid @NotNull CampaignRequest request, @HeaderParam(IdempotencyKeys.HEADER) String key, @Context UriInfo uri) {
        return idempotency.once("campaigns", key, request, () -> {
            CampaignDetails launched = campaigns.launch(request);
            return Response.created(uri.getAbsolutePathBuilder().path(launched.campaignId()).build()).entity(launched).build();
        });
    }

    @GET
    @Operation(summary = "Campaigns, optionally those running in a year and of a kind")
    public List<CampaignDetails.Summary> list(@QueryParam("year") @Parameter(description = "a year, 1945 to 2100") String year,
                                                  @QueryParam("kind") String kind) {
        return campaigns.list(InputRules.year("year", year), kind == null ? null : InputRules.constant("kind", kind, CampaignKind.class));
    }

    @GET
    @Path("{campaignId}")
    @Operation(summary = "A campaign with each recipient's status (notified, acknowledged, when)")
    public CampaignDetails get(@PathParam("campaignId") @Size(max = InputRules.ID_MAX) String campaignId) {
        return campaigns.find(campaignId);
    }

    @POST
    @Path("{campaignId}/acknowledgements/{unitCode}")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.OFFICER, Roles.UNIT_HEAD})
    @Operation(summary = "A unit head confirms the campaign was cascaded in the unit",
            description = "The head of that unit or the officer; who acknowledged is the token's caller (no body). "
                    + "201 and NotificationAcknowledged the first time; 200 with the first acknowledgement, and no event, after.")
    @APIResponse(responseCode = "201", description = "acknowledged now", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Acknowledgement.class)))
    @APIResponse(responseCode = "200", description = "acknowledged before: the first acknowledgement", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Acknowledgement.class)))
    @APIResponse(responseCode = "422", description = "unit-not-recipient, event-contract-violation")
    public Response acknowledge(@PathParam("campaignId") @Size(max = InputRules.ID_MAX) String campaignId,
                                @PathParam("unitCode") @Pattern(regexp = InputRules.UNIT_CODE, message = "must be a unit code such as TTR") String unitCode) {
        caller.requireUnit(unitCode);
        Acknowledgement ack = campaigns.acknowledge(campaignId, unitCode, caller.actor());
        return Response.status(ack.first() ? Response.Status.CREATED : Response.Status.OK).entity(ack).build();
    }
}
