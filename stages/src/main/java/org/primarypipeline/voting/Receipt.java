package org.primarypipeline.voting;

/** A ballot's place in its cycle's receipt chain and its receipt code (64 hex digits). */
public record Receipt(long seq, String code) {}
