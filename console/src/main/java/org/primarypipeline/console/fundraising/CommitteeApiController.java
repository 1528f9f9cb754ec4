package org.primarypipeline.console.fundraising;

import org.primarypipeline.console.users.StaffUser;
import org.primarypipeline.fundraising.Committees;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The committee and forwarding through the finance API: the same commands as the committee page. */
@RestController
@RequestMapping("/api/finance/fundraisers/{id}")
public class CommitteeApiController {

    private final CommitteePages pages;
    private final RecordCommittee record;
    private final ConnectCommittee connect;
    private final ForwardEarmarked forward;
    private final org.primarypipeline.console.users.Permissions permissions;

    public CommitteeApiController(
            CommitteePages pages,
            RecordCommittee record,
            ConnectCommittee connect,
            ForwardEarmarked forward,
            org.primarypipeline.console.users.Permissions permissions) {
        this.pages = pages;
        this.record = record;
        this.connect = connect;
        this.forward = forward;
        this.permissions = permissions;
    }

    public record Details(String name, String fecId, String treasurer, String address) {}

    @GetMapping("/committee")
    CommitteePages.Page committee(@AuthenticationPrincipal StaffUser who, @PathVariable long id) {
        permissions.require(
                who,
                org.primarypipeline.console.users.Right.SIGN_OFF_FINANCE,
                "finance.committee.read",
                "fundraiser " + id);
        return pages.page(id, null);
    }

    @PostMapping("/committee")
    Committees.Committee record(@AuthenticationPrincipal StaffUser who, @PathVariable long id, @RequestBody Details d) {
        return record.perform(who, id, new Committees.Details(d.name(), d.fecId(), d.treasurer(), d.address()));
    }

    @PostMapping("/committee/onboarding-link")
    ConnectCommittee.Link onboarding(@AuthenticationPrincipal StaffUser who, @PathVariable long id) {
        return connect.perform(who, id);
    }

    @PostMapping("/forward")
    ForwardEarmarked.Forwarded forward(@AuthenticationPrincipal StaffUser who, @PathVariable long id) {
        return forward.perform(who, id);
    }
}
