package org.primarypipeline.console.cli;

import java.util.ArrayList;
import java.util.List;
import org.primarypipeline.console.supporters.ParticipationService;
import org.springframework.beans.factory.annotation.Autowired;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * What members and candidates do on their own web pages, from the command line: for staff helping
 * someone by phone, and for trying a cycle end to end.
 */
final class ParticipationCommands {

    private ParticipationCommands() {
    }

    /** One participation step (see {@link OneStep}). */
    abstract static class Step extends OneStep {
        @Autowired
        ParticipationService participation;
    }

    @Command(name = "members", description = "District group members.",
            subcommands = {Join.class, Proxies.class})
    static class Members implements Runnable {
        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            spec.commandLine().usage(spec.commandLine().getOut());
        }
    }

    @Command(name = "join", description = "Add a member to a district's group.")
    static class Join extends Step {
        @Option(names = "--district", required = true)
        String district;
        @Option(names = "--name", required = true)
        String name;
        @Option(names = "--email")
        String email;
        @Option(names = "--phone")
        String phone;

        @Override
        String perform() {
            return "member " + participation.join(district, name, email, phone) + " is in the group of " + district;
        }
    }

    @Command(name = "proxies", description = "Name a member's proxies: ID or ID:UNITS (shares sum to 10; default split equally).")
    static class Proxies extends Step {
        @Option(names = "--member", required = true)
        long member;
        @Parameters(arity = "0..10", description = "Proxies, e.g. 12:6 15:4, or 12 15 for an equal split.")
        List<String> proxies = new ArrayList<>();

        @Override
        String perform() {
            boolean weighted = proxies.stream().anyMatch(p -> p.contains(":"));
            List<org.primarypipeline.supporters.MemberRepository.ProxyChoice> choices;
            if (weighted) {
                choices = proxies.stream().map(p -> {
                    String[] parts = p.split(":", 2);
                    return new org.primarypipeline.supporters.MemberRepository.ProxyChoice(
                            Long.parseLong(parts[0]), parts.length < 2 ? 0 : Integer.parseInt(parts[1]));
                }).toList();
            } else {
                choices = ParticipationService.equalShares(proxies.stream().map(Long::parseLong).toList());
            }
            participation.nameProxies(member, choices);
            return "proxies of member " + member + ": " + choices;
        }
    }

    @Command(name = "nominate", description = "Put someone (or yourself) forward in a cycle's nomination window.")
    static class Nominate extends Step {
        @Parameters(index = "0", description = "Cycle id, e.g. TX-07-1.")
        String cycleId;
        @Option(names = "--name", required = true)
        String name;
        @Option(names = "--email")
        String email;
        @Option(names = "--phone")
        String phone;
        @Option(names = "--born", description = "The nominee's date of birth (YYYY-MM-DD): with the next two, confirms eligibility.")
        String born;
        @Option(names = "--citizen-years", description = "Years a U.S. citizen when the term starts.")
        String citizenYears;
        @Option(names = "--inhabitant", description = "yes or no: lives in the state on election day.")
        String inhabitant;

        @Override
        String perform() {
            org.primarypipeline.nominations.Eligibility answers = born == null ? null
                    : org.primarypipeline.nominations.Eligibility.parse(born, citizenYears, inhabitant);
            return "candidacy " + participation.nominate(cycleId, name, email, phone, answers) + " created for " + name
                    + (answers == null ? " (eligibility not confirmed: give --born, --citizen-years, --inhabitant)" : "");
        }
    }

    @Command(name = "pledge", description = "The pledge.", subcommands = {Sign.class})
    static class Pledge implements Runnable {
        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            spec.commandLine().usage(spec.commandLine().getOut());
        }
    }

    @Command(name = "sign", description = "Record a candidate's signature of the current pledge.")
    static class Sign extends Step {
        @Parameters(index = "0", description = "Cycle id.")
        String cycleId;
        @Option(names = "--candidacy", required = true)
        long candidacy;
        @Option(names = "--name", required = true, description = "The candidate's typed full name.")
        String name;

        @Override
        String perform() {
            participation.signPledge(cycleId, candidacy, name, "cli", "pp " + Actors.current());
            return "candidacy " + candidacy + " signed the current pledge";
        }
    }

    @Command(name = "vote", description = "Cast or replace a member's ballot: a ranking of candidacy ids, e.g. 3>5>4.")
    static class Vote extends Step {
        @Parameters(index = "0", description = "Cycle id.")
        String cycleId;
        @Option(names = "--member", required = true)
        long member;
        @Option(names = "--ranking", required = true)
        String ranking;

        @Override
        String perform() {
            List<Long> ids = new ArrayList<>();
            for (String part : ranking.split(">")) {
                try {
                    ids.add(Long.parseLong(part.trim()));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("a ranking lists candidacy ids separated by '>', e.g. 3>5>4");
                }
            }
            String receipt = participation.castBallot(cycleId, member, ids);
            return "ballot of member " + member + " stored; receipt " + receipt;
        }
    }
}
