package org.primarypipeline.console.users;

import java.time.Duration;

/** As many passwords as allowed are being hashed already: try again shortly; the attempt did not count. */
public class HashingBusyException extends LoginThrottledException {

    public HashingBusyException() {
        super("the server is busy checking other sign-ins; try again in a few seconds", Duration.ofSeconds(2));
    }
}
