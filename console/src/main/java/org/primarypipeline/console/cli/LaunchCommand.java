package org.primarypipeline.console.cli;

import java.math.BigDecimal;
import java.util.concurrent.Callable;
import org.primarypipeline.cycles.CycleAlreadyRunningException;
import org.primarypipeline.cycles.CycleRecord;
import org.primarypipeline.console.config.EmbeddedTemporalServer;
import org.primarypipeline.console.config.TemporalProperties;
import org.primarypipeline.console.cycle.CycleService;
import org.primarypipeline.core.cycle.CycleSettings;
import org.springframework.beans.factory.annotation.Autowired;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "launch", description = "Launch a district cycle (pledge vetting first).")
public class LaunchCommand implements Callable<Integer>, ApplicationCommand {

    @Spec
    CommandSpec spec;

    @Option(names = "--district", required = true, description = "District, e.g. TX-07.")
    String district;

    @Option(names = "--vetting", description = "Pledge vetting period, e.g. 14d, 36h, P14D (default 14d).")
    String vetting;

    @Option(names = "--nomination", description = "Nomination window (default 14d).")
    String nomination;

    @Option(names = "--voting", description = "Voting round (default 14d).")
    String voting;

    @Option(names = "--policy", description = "smartocracy (default) or liquid.")
    String policy;

    @Option(names = "--method", description = "irv (default), plurality or schulze.")
    String method;

    @Option(names = "--quorum", description = "Share of all units that must be exercised (default 0.20).")
    BigDecimal quorum;

    @Option(names = "--recount-margin", description = "Recount automatically under this final margin (default 0.05).")
    BigDecimal recountMargin;

    @Option(names = "--as", description = "Who launches (default: $USER).")
    String actor = Actors.current();

    @Autowired
    CycleService cycles;

    @Autowired
    TemporalProperties temporal;

    @Override
    public Integer call() {
        CycleSettings d = CycleSettings.defaults();
        CycleSettings settings;
        try {
            settings = new CycleSettings(Durations.parse(vetting, d.vettingPeriod()),
                    Durations.parse(nomination, d.nominationPeriod()), Durations.parse(voting, d.votingPeriod()),
                    policy, method, quorum, recountMargin, d.fundraiserGoalCents());
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("launch refused: " + e.getMessage());
            return 2;
        }
        if (temporal.embedded() && !EmbeddedTemporalServer.listening(temporal.embeddedPort())) {
            spec.commandLine().getErr().println("the app is not running: start it with ./pp first, then launch");
            return 3;
        }
        try {
            CycleRecord cycle = cycles.launch(district, settings, actor);
            spec.commandLine().getOut().printf("launched cycle %s: %s until %s%n", cycle.id(),
                    cycle.stage().title().toLowerCase(), cycle.stageDeadline());
            return 0;
        } catch (CycleAlreadyRunningException | IllegalArgumentException e) {
            spec.commandLine().getErr().println("launch refused: " + e.getMessage());
            return 2;
        }
    }
}
