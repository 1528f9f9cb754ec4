package org.primarypipeline.console.contacts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.primarypipeline.console.users.SignedInMember;
import org.primarypipeline.console.web.i18n.Language;
import org.primarypipeline.console.web.i18n.PageTexts;
import org.primarypipeline.contacts.ContactResult;
import org.primarypipeline.contacts.Turfs;
import org.springframework.stereotype.Component;

/** Builds the walk page's model: the turf's doors in order, with the form of one person as typed when refused. */
@Component
public class WalkPages {

    /** What the canvasser typed for one person, with a sentence beside each refused field. */
    record Typed(
            long contactId,
            String result,
            String notes,
            Map<String, String> answers,
            String resultError,
            String notesError,
            String attemptId) {}

    private final Turfs turfs;
    private final CallReadModel reads;

    public WalkPages(Turfs turfs, CallReadModel reads) {
        this.turfs = turfs;
        this.reads = reads;
    }

    WalkPageModels.Walk page(SignedInMember me, Turfs.Turf turf, Language language, String notice, Typed typed) {
        boolean mine = turf.checkedOutTo() != null && turf.checkedOutTo() == me.memberId();
        List<WalkPageModels.Door> doors = new ArrayList<>();
        long visited = 0;
        if (mine) {
            List<Turfs.Door> addresses = turfs.doors(turf.id());
            Map<Integer, List<WalkPageModels.Person>> people = new LinkedHashMap<>();
            Map<Integer, Boolean> seen = new LinkedHashMap<>();
            for (Turfs.Resident r : turfs.residents(turf.id())) {
                Typed mineTyped = typed != null && typed.contactId() == r.contactId() ? typed : null;
                people.computeIfAbsent(r.position(), p -> new ArrayList<>()).add(person(turf, r, language, mineTyped));
                seen.merge(r.position(), r.lastResult() != null, Boolean::logicalOr);
            }
            for (int i = 0; i < addresses.size(); i++) {
                Turfs.Door d = addresses.get(i);
                int position = i + 1;
                String address = d.street() + (d.zip() == null ? "" : ", " + d.zip());
                doors.add(new WalkPageModels.Door(
                        position,
                        "door-" + position,
                        address,
                        "ZIP".equals(d.located()),
                        people.getOrDefault(position, List.of())));
                if (seen.getOrDefault(position, false)) {
                    visited++;
                }
            }
        }
        String script = MergeFields.fill(
                turf.script(),
                Map.of(
                        "firstName", PageTexts.text(language, "walk.their-name"),
                        "fullName", PageTexts.text(language, "walk.their-name"),
                        "volunteerName", reads.memberName(me.memberId()),
                        "candidateName", reads.candidateName(turf.cycleId()).orElse(""),
                        "districtId", turf.districtId() == null ? "" : turf.districtId(),
                        "precinct", ""));
        return new WalkPageModels.Walk(
                PageTexts.text(language, "walk.title"),
                turf.id(),
                turf.cutName(),
                turf.number(),
                me.formKey(),
                notice,
                mine ? script : null,
                visited,
                doors.size(),
                doors,
                !mine,
                PageTexts.text(language, "walk.queued"),
                PageTexts.text(language, "walk.all-sent"),
                PageTexts.text(language, "walk.waiting"),
                PageTexts.text(language, "walk.sent"),
                PageTexts.text(language, "walk.refused"),
                PageTexts.text(language, "walk.error-result"),
                PageTexts.text(language, "walk.sign-in"));
    }

    private WalkPageModels.Person person(Turfs.Turf turf, Turfs.Resident r, Language language, Typed typed) {
        String prefix = "c" + r.contactId();
        List<WalkPageModels.Choice> results = new ArrayList<>();
        for (ContactResult code : ContactResult.DOOR) {
            results.add(new WalkPageModels.Choice(
                    code.name(),
                    prefix + "-" + code.name().toLowerCase(),
                    PageTexts.text(language, "walk.result-" + code.name().toLowerCase()),
                    typed != null && code.name().equals(typed.result())));
        }
        List<WalkPageModels.Question> questions = new ArrayList<>();
        for (int i = 0; i < turf.questions().size(); i++) {
            String q = turf.questions().get(i);
            questions.add(new WalkPageModels.Question(
                    q,
                    "answer_" + i,
                    prefix + "-answer-" + i,
                    typed == null ? "" : typed.answers().getOrDefault(q, "")));
        }
        return new WalkPageModels.Person(
                r.contactId(),
                r.name(),
                r.lastResult() == null
                        ? null
                        : PageTexts.text(
                                language, "walk.result-" + r.lastResult().toLowerCase()),
                results,
                questions,
                typed == null ? null : typed.resultError(),
                typed == null ? "" : typed.notes(),
                typed == null ? null : typed.notesError(),
                typed == null ? UUID.randomUUID().toString() : typed.attemptId());
    }
}
