package org.primarypipeline.console.campaigns;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.primarypipeline.console.users.StaffUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** End or extend a candidate's campaign over the API ({@code pp campaign end|extend}): JSON to one command each. */
@RestController
@RequestMapping("/api/campaigns")
@Tag(name = "Campaigns", description = "Steer candidates' campaigns (staff and admin)")
public class CampaignApiController {

    public record EndRequest(String reason) {}

    public record ExtendRequest(Integer days, String reason) {}

    public record Done(String result) {}

    private final EndCampaign end;
    private final ExtendCampaign extend;

    public CampaignApiController(EndCampaign end, ExtendCampaign extend) {
        this.end = end;
        this.extend = extend;
    }

    @PostMapping("/{cycleId}/end")
    @Operation(summary = "End a campaign now; the wrap-up follows", description = "Body: {\"reason\":\"...\"}.")
    public Done end(
            @PathVariable String cycleId, @RequestBody EndRequest request, @AuthenticationPrincipal StaffUser user) {
        return new Done(end.perform(user, cycleId, request == null ? null : request.reason()));
    }

    @PostMapping("/{cycleId}/extend")
    @Operation(summary = "Move a campaign's wrap-up later", description = "Body: {\"days\":7,\"reason\":\"...\"}.")
    public Done extend(
            @PathVariable String cycleId, @RequestBody ExtendRequest request, @AuthenticationPrincipal StaffUser user) {
        return new Done(extend.perform(
                user, cycleId, request == null ? null : request.days(), request == null ? null : request.reason()));
    }
}
