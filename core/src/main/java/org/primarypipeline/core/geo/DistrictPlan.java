package org.primarypipeline.core.geo;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeSet;
import org.locationtech.jts.geom.Geometry;
import org.primarypipeline.core.district.DistrictId;

/**
 * A set of district lines with an id ({@code cd119}, {@code cd2026}): its districts, their boundaries
 * behind a locator, and the ZIP answers worked out on those boundaries. Built by {@link DistrictPlans}.
 */
public final class DistrictPlan {

    private final String id;
    private final String name;
    private final SortedMap<DistrictId, Geometry> boundaries;
    private final SortedSet<DistrictId> districts;
    private final Set<String> redrawnStates;
    private final DistrictLocator locator;
    private final AssignmentPolicy policy;

    DistrictPlan(
            String id,
            String name,
            SortedMap<DistrictId, Geometry> boundaries,
            Set<String> redrawnStates,
            ZipDistricts zips) {
        this.id = id;
        this.name = name;
        this.boundaries = Collections.unmodifiableSortedMap(boundaries);
        this.districts = Collections.unmodifiableSortedSet(new TreeSet<>(boundaries.keySet()));
        this.redrawnStates = Set.copyOf(redrawnStates);
        this.locator = DistrictLocator.of(boundaries);
        this.policy = new AssignmentPolicy(id, boundaries.keySet(), locator, zips, s -> !redrawnStates.contains(s));
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public SortedSet<DistrictId> districts() {
        return districts;
    }

    public Map<DistrictId, Geometry> boundaries() {
        return boundaries;
    }

    /** States whose lines in this plan differ from those the ZIP crosswalk was built on. */
    public Set<String> redrawnStates() {
        return redrawnStates;
    }

    public DistrictLocator locator() {
        return locator;
    }

    public AssignmentPolicy policy() {
        return policy;
    }

    /** See {@link AssignmentPolicy#assign(double, double, int)}. */
    public Assignment assign(double latitude, double longitude, int zip) {
        return policy.assign(latitude, longitude, zip);
    }
}
