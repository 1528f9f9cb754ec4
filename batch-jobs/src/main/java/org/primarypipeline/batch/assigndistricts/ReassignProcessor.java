package org.primarypipeline.batch.assigndistricts;

import java.util.ArrayList;
import java.util.List;
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
public class ReassignProcessor implements ItemProcessor<List<SupporterPlace>, List<Reassigned>> {

    private final DistrictPlan plan;

    public ReassignProcessor(DistrictPlan plan) {
        this.plan = plan;
    }

    @Override
    public List<Reassigned> process(List<SupporterPlace> block) {
        List<Reassigned> out = new ArrayList<>(block.size());
        for (SupporterPlace s : block) {
            Reassigned r = locate(s);
            if (r != null) {
                out.add(r);
            }
        }
        return out;
    }

    /** Null when the supporter's district stays as the member or staff decided. */
    Reassigned locate(SupporterPlace s) {
        if (plan.id().equals(s.planId()) && s.source() != null && s.source().isDecidedByPerson()) {
            return null;
        }
        Assignment after = plan.assign(s.latitude(), s.longitude(), s.zip());
        if (!s.hasAddress() && s.district() != null) {
            DistrictId kept = DistrictId.parse(s.district());
            if (plan.districts().contains(kept)) {
                after = new Assignment(
                        kept,
                        AssignmentSource.CARRIED_OVER,
                        true,
                        "no address on file; the district number was carried over from the previous lines");
            } else {
                after = Assignment.unassigned("no address on file, and plan " + plan.id() + " has no " + kept);
            }
        }
        return new Reassigned(s.memberId(), s.district(), after);
    }
}
