package org.primarypipeline.core.priority;

/**
 * The "typical district" that demographic factors are measured against: medians of the 435
 * districts of the 2026 lines (ACS 2024 on those lines; areas from the same plan file). A district
 * at the reference gets no demographic adjustment at all.
 */
final class Reference {

    static final double PEOPLE_PER_SQUARE_MILE = 336;
    static final double PEOPLE_OF_COLOUR_SHARE = 0.395;
    static final double DEGREE_SHARE = 0.204;
    /** The 2020 apportionment population of a district, for districts with no census figure. */
    static final long POPULATION = 761_169;

    private Reference() {}
}
