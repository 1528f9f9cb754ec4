package org.primarypipeline.console.bench;

import org.primarypipeline.integrations.bench.OutboxBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pp bench outbox}: drains a full outbox through the real email route into a local SMTP server
 * and counts what arrived there. Needs no configuration; it starts its own PostgreSQL and SMTP server.
 */
@Command(name = "outbox", mixinStandardHelpOptions = true,
        description = "Outbox to SMTP: messages per second, duplicates and losses counted at a local SMTP server.")
public final class OutboxBench implements Runnable {

    @Option(names = "--messages", defaultValue = "100000", description = "Messages to queue and send (default ${DEFAULT-VALUE}).")
    int messages;

    @Override
    public void run() {
        OutboxBenchmark.run(System.out, messages);
    }
}
