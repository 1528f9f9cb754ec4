package org.primarypipeline.supporters;

import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.primarypipeline.core.district.DistrictId;
import org.primarypipeline.core.geo.Assignment;
import org.primarypipeline.core.geo.DistrictPlan;
import org.primarypipeline.core.geo.DistrictPlans;
import org.primarypipeline.core.geo.ZipDistricts;
import org.primarypipeline.core.supporter.ZipCodes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The districts of the current plan a ZIP may place a person in, for a person telling us where they live
 * (the join page, the member's home page): the plan's own locator ({@link DistrictPlan#assign}). One
 * district when the ZIP lies in one; every district it spans when it is split (or placed only
 * provisionally), so the person picks theirs; none when the ZIP is unknown.
 */
@Service
public class ZipLocator {

    private final JdbcClient jdbc;

    public ZipLocator(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @param zip a normalised five-digit ZIP ({@link ZipCodes#normalize}) */
    public List<String> districts(String zip) {
        String planId = jdbc.sql("select id from district_plan where is_current")
                .query(String.class)
                .single();
        DistrictPlan plan = DistrictPlans.load(planId);
        int number = ZipCodes.toInt(zip);
        Assignment a = plan.assign(Double.NaN, Double.NaN, number);
        if (!a.assigned()) {
            return List.of();
        }
        if (!a.provisional()) {
            return List.of(a.districtId().toString());
        }
        SortedSet<DistrictId> choices = new TreeSet<>();
        choices.add(a.districtId());
        for (DistrictId d : ZipDistricts.bundled().districts(number)) {
            if (plan.districts().contains(d)) {
                choices.add(d);
            }
        }
        return choices.stream().map(DistrictId::toString).toList();
    }
}
