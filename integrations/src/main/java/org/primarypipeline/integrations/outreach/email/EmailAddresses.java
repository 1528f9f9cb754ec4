package org.primarypipeline.integrations.outreach.email;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

final class EmailAddresses {

    private EmailAddresses() {
    }

    /** The domain of an address written as {@code user@host} or {@code Name <user@host>}. */
    static String domainOf(String address) {
        try {
            String bare = new InternetAddress(address).getAddress();
            return bare.substring(bare.indexOf('@') + 1);
        } catch (AddressException e) {
            throw new IllegalArgumentException("pp.outreach.email.from is not an email address: " + address, e);
        }
    }
}
