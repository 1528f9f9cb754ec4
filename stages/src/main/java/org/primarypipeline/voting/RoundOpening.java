package org.primarypipeline.voting;

/**
 * How many nominees the closed nomination window left on the ballot, and the voting round it opened: null
 * when nobody is on the ballot, so the cycle extends the window or fails instead.
 */
public record RoundOpening(int onBallot, VotingOpened opened) {}
