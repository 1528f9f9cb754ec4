package org.primarypipeline.batch.assigndistricts;

import org.primarypipeline.core.district.DistrictId;
import org.primarypipeline.core.geo.Assignment;
import org.primarypipeline.core.geo.AssignmentSource;
import org.primarypipeline.core.geo.DistrictPlan;
import org.springframework.batch.item.ItemProcessor;

/**
 * The precedence of {@link org.primarypipeline.core.geo.AssignmentPolicy} on the new plan, with two rules
 * only re-assignment needs: a district the member confirmed (or staff set) on this same plan is kept
 * (the row is filtered out, so nothing about it changes); a member with no address on file keeps their
 * district number where the new plan has it, provisional until they confirm.
 */
public class ReassignProcessor implements ItemProcessor<SupporterPlace, Reassigned> {

    private final DistrictPlan plan;

    public ReassignProcessor(DistrictPlan plan) {
        this.plan = plan;
    }

    @Override
    public Reassigned process(SupporterPlace s) {
        if (plan.id().equals(s.planId()) && s.source() != null && s.source().isDecidedByPerson()) {
            return null;
        }
        Assignment after = plan.assign(s.latitude(), s.longitude(), s.zip());
        if (!s.hasAddress() && s.district() != null) {
            DistrictId kept = DistrictId.parse(s.district());
            if (plan.districts().contains(kept)) {
                after = new Assignment(kept, AssignmentSource.CARRIED_OVER, true,
                        "no address on file; the district number was carried over from the previous lines");
            } else {
                after = Assignment.unassigned("no address on file, and plan " + plan.id() + " has no " + kept);
            }
        }
        return new Reassigned(s.memberId(), s.district(), after);
    }
}
