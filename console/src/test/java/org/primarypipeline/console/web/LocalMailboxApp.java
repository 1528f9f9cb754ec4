package org.primarypipeline.console.web;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The app as {@code ./pp} runs it with nothing configured: no SMTP host, so it runs its own mail server
 * and staff read every message it sent on the Mailbox page. The test classes extending this share one
 * app of their own (the other console tests send to a closed port and read links from the outbox).
 */
abstract class LocalMailboxApp extends ConsoleTestSupport {

    @DynamicPropertySource
    static void noSmtpHost(DynamicPropertyRegistry registry) {
        registry.add("pp.test.smtp-host", () -> "");
    }
}
