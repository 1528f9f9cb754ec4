package org.primarypipeline.core.priority;

/**
 * The census figures the model reads for one district (ACS estimates on the district's lines).
 *
 * @param peopleOfColourShare residents who are not non-Hispanic white, 0..1
 * @param degreeShare         residents holding a bachelor's or a master's degree, 0..1
 */
public record Demographics(
        long population, double peoplePerSquareMile, double peopleOfColourShare, double degreeShare) {}
