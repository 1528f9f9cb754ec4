package org.primarypipeline.core.vote;

/** One row of a member's proxy list: {@code units} of the member's 10 go to {@code proxyId}. */
public record ProxyShare(String memberId, String proxyId, int units) {}
