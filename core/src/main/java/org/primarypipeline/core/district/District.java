package org.primarypipeline.core.district;

/** A district of one plan, with the census population of its lines. */
public record District(DistrictId id, long population) {}
