package org.primarypipeline.voting;

import java.time.Duration;

/**
 * The frozen electorate's size, the published tie-break seed, how many ballot links were queued, and how
 * long before the close the reminder goes out ({@code pp.vote.reminder-before}; null in histories
 * recorded before reminders existed).
 */
public record VotingOpened(int electorate, long seed, int ballotLinksQueued, Duration remindBefore) {}
