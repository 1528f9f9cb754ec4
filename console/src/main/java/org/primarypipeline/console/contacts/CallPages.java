package org.primarypipeline.console.contacts;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.primarypipeline.console.supporters.MemberHomePages;
import org.primarypipeline.console.web.i18n.Language;
import org.primarypipeline.console.web.i18n.PageTexts;
import org.primarypipeline.contacts.CallPacket;
import org.primarypipeline.contacts.Contact;
import org.primarypipeline.contacts.ContactResult;
import org.primarypipeline.contacts.PhoneBanks;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Builds the call page's model: the next contact leased to the volunteer, or the form again as typed. */
@Component
public class CallPages {

    /** What the volunteer typed, with a sentence beside each refused field. */
    record Typed(
            long contactId,
            String result,
            String notes,
            Map<String, String> answers,
            String resultError,
            String notesError,
            String attemptId,
            String phone,
            String phoneError) {}

    private final PhoneBanks phoneBanks;
    private final CallReadModel reads;
    private final MemberHomePages members;
    private final Duration lease;
    private final BridgeCall bridge;

    public CallPages(
            PhoneBanks phoneBanks,
            CallReadModel reads,
            MemberHomePages members,
            BridgeCall bridge,
            @Value("${pp.contacts.call-lease:10m}") Duration lease) {
        this.bridge = bridge;
        this.phoneBanks = phoneBanks;
        this.reads = reads;
        this.members = members;
        this.lease = lease;
    }

    /** The member's own language; null for a guest (the browser's then). */
    Language language(Caller me) {
        return me.member() ? members.language(me.memberId()) : null;
    }

    CallPageModels.Call next(Caller me, String cycleId, Language language, String notice) {
        CallPacket packet = phoneBanks.openPacket(cycleId).orElse(null);
        if (packet == null) {
            return empty(me, cycleId, null, language, notice, false);
        }
        Contact contact = phoneBanks.lease(packet.id(), me.key(), lease).orElse(null);
        if (contact == null) {
            return empty(me, cycleId, packet, language, notice, true);
        }
        return page(me, packet, contact, language, notice, null);
    }

    CallPageModels.Call again(Caller me, String cycleId, CallPacket packet, Typed typed, Language language) {
        Contact contact = phoneBanks
                .contact(typed.contactId())
                .filter(c -> c.cycleId().equals(cycleId))
                .orElseThrow(() -> new IllegalArgumentException("no such contact in this campaign"));
        return page(me, packet, contact, language, null, typed);
    }

    private CallPageModels.Call empty(
            Caller me, String cycleId, CallPacket packet, Language language, String notice, boolean finished) {
        long[] progress = packet == null ? new long[] {0, 0} : phoneBanks.progress(packet.id());
        return new CallPageModels.Call(
                PageTexts.text(language, "call.title"),
                cycleId,
                packet == null ? null : packet.name(),
                me.formKey(),
                notice,
                null,
                null,
                List.of(),
                List.of(),
                null,
                null,
                null,
                null,
                progress[0],
                progress[1],
                finished,
                !finished,
                me.member(),
                null);
    }

    /** The "call through us" form when Twilio Voice is configured: the phone typed, else the member's. */
    private CallPageModels.Voice voice(Caller me, long contactId, Typed typed, Language language) {
        if (!bridge.available()) {
            return null;
        }
        String phone = typed != null && typed.phone() != null
                ? typed.phone()
                : me.member() ? reads.memberPhone(me.memberId()) : null;
        String status = bridge.status(me, contactId)
                .map(s -> PageTexts.text(language, "call.bridge-status") + " " + s)
                .orElse(null);
        return new CallPageModels.Voice(phone == null ? "" : phone, typed == null ? null : typed.phoneError(), status);
    }

    private CallPageModels.Call page(
            Caller me, CallPacket packet, Contact c, Language language, String notice, Typed typed) {
        String script = MergeFields.fill(
                packet.script(),
                Map.of(
                        "firstName",
                        c.firstName(),
                        "fullName",
                        c.fullName(),
                        "volunteerName",
                        me.member() ? reads.memberName(me.memberId()) : me.guestName(),
                        "candidateName",
                        reads.candidateName(packet.cycleId()).orElse(""),
                        "districtId",
                        c.districtId() == null ? "" : c.districtId(),
                        "precinct",
                        c.precinct() == null ? "" : c.precinct()));
        List<CallPageModels.Question> questions = new ArrayList<>();
        for (int i = 0; i < packet.questions().size(); i++) {
            String q = packet.questions().get(i);
            questions.add(new CallPageModels.Question(
                    q,
                    "answer_" + i,
                    "answer-" + i,
                    typed == null ? "" : typed.answers().getOrDefault(q, "")));
        }
        List<CallPageModels.ResultChoice> results = new ArrayList<>();
        for (ContactResult r : ContactResult.PHONE) {
            results.add(new CallPageModels.ResultChoice(
                    r.name(),
                    "result-" + r.name().toLowerCase(),
                    PageTexts.text(language, "call.result-" + r.name().toLowerCase()),
                    typed != null && r.name().equals(typed.result())));
        }
        String place = String.join(
                " · ",
                List.of(c.districtId() == null ? "" : c.districtId(), c.precinct() == null ? "" : c.precinct()).stream()
                        .filter(s -> !s.isEmpty())
                        .toList());
        long[] progress = phoneBanks.progress(packet.id());
        return new CallPageModels.Call(
                PageTexts.text(language, "call.title"),
                packet.cycleId(),
                packet.name(),
                me.formKey(),
                notice,
                new CallPageModels.Person(c.id(), c.fullName(), c.phone(), "tel:" + c.phone(), place),
                script,
                questions,
                results,
                typed == null ? null : typed.resultError(),
                typed == null ? "" : typed.notes(),
                typed == null ? null : typed.notesError(),
                typed == null ? UUID.randomUUID().toString() : typed.attemptId(),
                progress[0],
                progress[1],
                false,
                false,
                me.member(),
                voice(me, c.id(), typed, language));
    }
}
