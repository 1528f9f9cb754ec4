package org.primarypipeline.core.priority;

/**
 * What all House candidates of one district raised and spent in one two-year FEC cycle. Money in
 * the priority model is whole US dollars ({@code long}); FEC cents are rounded.
 *
 * @param complete false for the cycle still running (FEC files cover only part of it)
 */
public record RaceMoney(int cycle, long receiptsDollars, long disbursementsDollars, int candidates, boolean complete) {}
