package org.primarypipeline.integrations.outreach;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

/** Names this process in {@code claimed_by}, so staff can tell which sender left a row in SENDING. */
public record SenderIdentity(String id) {

    public static SenderIdentity ofThisProcess() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        return new SenderIdentity(host + ":" + ProcessHandle.current().pid() + ":"
                + UUID.randomUUID().toString().substring(0, 8));
    }
}
