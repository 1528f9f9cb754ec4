package org.primarypipeline.integrations.outreach.email;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * The domain of the configured sender ({@code pp.outreach.email.from}), for message ids and the
 * unsubscribe mailbox. Not a rule on addresses (that is core's {@code EmailAddresses}): the sender is
 * written as a From header, {@code Name <user@host>}, and may be a local host such as {@code localhost}.
 */
final class SenderDomain {

    private SenderDomain() {}

    /** The domain of an address written as {@code user@host} or {@code Name <user@host>}. */
    static String of(String address) {
        try {
            String bare = new InternetAddress(address).getAddress();
            return bare.substring(bare.indexOf('@') + 1);
        } catch (AddressException e) {
            throw new IllegalArgumentException("pp.outreach.email.from is not an email address: " + address, e);
        }
    }
}
