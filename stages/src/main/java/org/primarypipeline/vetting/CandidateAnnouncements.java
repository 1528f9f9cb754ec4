package org.primarypipeline.vetting;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.primarypipeline.cycles.CycleRecord;
import org.primarypipeline.cycles.CycleRepository;
import org.primarypipeline.nominations.CandidateSteps;
import org.primarypipeline.nominations.NominationSettings;
import org.primarypipeline.outreach.OutboundMessage;
import org.primarypipeline.voting.BallotLinks;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The candidates' messages at the cycle's turning points: on the ballot, voting open, the result. */
@Component
public class CandidateAnnouncements {

    private final CandidacyRepository candidacies;
    private final CycleRepository cycles;
    private final CandidateSteps steps;
    private final NominationSettings settings;
    private final JdbcClient jdbc;

    public CandidateAnnouncements(
            CandidacyRepository candidacies,
            CycleRepository cycles,
            CandidateSteps steps,
            NominationSettings settings,
            JdbcClient jdbc) {
        this.candidacies = candidacies;
        this.cycles = cycles;
        this.steps = steps;
        this.settings = settings;
        this.jdbc = jdbc;
    }

    public int announce(String cycleId, CandidateStep step) {
        CycleRecord cycle = cycles.find(cycleId).orElseThrow();
        List<Candidacy> ballot = candidacies.ballot(cycleId);
        Long winner = step == CandidateStep.RESULT
                ? jdbc.sql("select winner from cycle_result where cycle_id = ?")
                        .param(cycleId)
                        .query(Long.class)
                        .optional()
                        .orElse(null)
                : null;
        String winnerName = ballot.stream()
                .filter(c -> winner != null && c.id() == winner)
                .map(Candidacy::fullName)
                .findFirst()
                .orElse(null);
        Optional<String> lot = step == CandidateStep.RESULT ? tiedByLot(cycleId) : Optional.empty();
        int queued = 0;
        for (Candidacy c : ballot) {
            if (c.email() == null) {
                continue;
            }
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("candidateName", c.fullName());
            model.put("districtId", cycle.districtId());
            model.put("cycleId", cycleId);
            String template;
            switch (step) {
                case ON_BALLOT -> {
                    template = "candidate-on-ballot";
                    List<String> others = ballot.stream()
                            .filter(o -> o.id() != c.id())
                            .map(Candidacy::fullName)
                            .toList();
                    model.put("hasOthers", !others.isEmpty());
                    model.put("othersText", String.join(", ", others));
                }
                case VOTING_OPEN -> {
                    template = "candidate-voting-open";
                    model.put("closesAt", BallotLinks.closesAt(cycle));
                }
                default -> {
                    template = "candidate-result";
                    model.put("won", winner != null && c.id() == winner);
                    model.put("winnerName", winnerName == null ? "nobody" : winnerName);
                    lot.ifPresent(rival -> model.put("tiedWithName", rival));
                    model.put("decidedByLot", lot.isPresent());
                    // the public results page: the staff page /cycles/{id} is behind the console login
                    model.put("resultUrl", settings.url("/results/" + cycleId));
                }
            }
            String stepName = step.name().toLowerCase().replace('_', '-');
            if (steps.send(
                    OutboundMessage.email("candidacy:" + c.id() + ":" + stepName, c.email(), template, model)
                            .asTransactional(),
                    null,
                    c.id(),
                    stepName)) {
                queued++;
            }
        }
        return queued;
    }

    /** When a draw settled the count: the name of the nominee the winner was tied with. */
    private Optional<String> tiedByLot(String cycleId) {
        Long rival = jdbc.sql("""
                        select (result -> 'decisive' ->> 'rival')::bigint from cycle_result
                        where cycle_id = ? and coalesce((result ->> 'decidedByLot')::boolean, false)
                        """).param(cycleId).query(Long.class).optional().orElse(null);
        return rival == null
                ? Optional.empty()
                : Optional.of(candidacies
                        .find(cycleId, rival)
                        .map(Candidacy::fullName)
                        .orElse("#" + rival));
    }
}
