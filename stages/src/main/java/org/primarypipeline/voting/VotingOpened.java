package org.primarypipeline.voting;

/** The frozen electorate's size, the published tie-break seed and how many ballot links were queued. */
public record VotingOpened(int electorate, long seed, int ballotLinksQueued) {}
