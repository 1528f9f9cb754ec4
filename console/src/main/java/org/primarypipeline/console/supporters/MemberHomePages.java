package org.primarypipeline.console.supporters;

import java.util.List;
import org.primarypipeline.console.campaigns.MemberSharing;
import org.primarypipeline.console.supporters.MemberHomeModels.Address;
import org.primarypipeline.console.supporters.MemberHomeModels.Contact;
import org.primarypipeline.console.supporters.MemberHomeModels.GroupBox;
import org.primarypipeline.console.supporters.MemberHomeModels.Home;
import org.primarypipeline.console.supporters.MemberHomeModels.InviteRow;
import org.primarypipeline.console.supporters.MemberHomeModels.RoundBox;
import org.primarypipeline.console.users.SignedInMember;
import org.primarypipeline.console.web.Format;
import org.primarypipeline.console.web.i18n.Language;
import org.primarypipeline.console.web.i18n.PageTexts;
import org.primarypipeline.core.cycle.CycleStage;
import org.primarypipeline.outreach.Channel;
import org.primarypipeline.outreach.ConsentRegistry;
import org.primarypipeline.supporters.Acquaintances;
import org.springframework.stereotype.Component;

/** Reads the member's home page into its record, in the page's language. */
@Component
public class MemberHomePages {

    /** What a refused or finished change puts on the page instead of the stored values. */
    record Edits(String notice, Contact contact, Address address, String privacyErrorKey) {
        static final Edits NONE = new Edits(null, null, null);

        Edits(String notice, Contact contact, Address address) {
            this(notice, contact, address, null);
        }

        /** The page again after a refused privacy choice: the key of the sentence said beside it. */
        static Edits privacyRefused(String key) {
            return new Edits(null, null, null, key);
        }
    }

    private final MemberHomeReadModel reads;
    private final ConsentRegistry consent;
    private final Format format;
    private final MemberSharing sharing;

    private final Acquaintances acquaintances;

    public MemberHomePages(
            MemberHomeReadModel reads,
            ConsentRegistry consent,
            Format format,
            MemberSharing sharing,
            Acquaintances acquaintances) {
        this.acquaintances = acquaintances;
        this.reads = reads;
        this.consent = consent;
        this.format = format;
        this.sharing = sharing;
    }

    /** The member's own language ({@code member.locale}). */
    public Language language(long memberId) {
        return Language.of(
                reads.me(memberId).map(MemberHomeReadModel.Me::locale).orElse("en"));
    }

    Home home(SignedInMember signedIn, Language language, Edits given) {
        Edits edits = given == null ? Edits.NONE : given;
        MemberHomeReadModel.Me me = reads.me(signedIn.memberId()).orElseThrow();
        MemberHomeReadModel.Group group = reads.group(me.id()).orElse(null);
        String ballotAddress = me.email() != null ? me.email() : me.phone();
        List<RoundBox> rounds = group == null
                ? List.of()
                : reads.rounds(group.districtId(), me.id()).stream()
                        .map(r -> round(r, language, ballotAddress))
                        .toList();
        Contact contact = edits.contact() != null
                ? edits.contact()
                : new Contact(
                        me.email(),
                        me.phone(),
                        me.email() != null && !consent.isOptedOut(Channel.EMAIL, me.email()),
                        me.phone() != null && !consent.isOptedOut(Channel.SMS, me.phone()),
                        null,
                        null);
        Address address = edits.address() != null
                ? edits.address()
                : new Address(me.street(), me.zip(), null, null, List.of(), group == null ? null : group.districtId());
        return new Home(
                PageTexts.text(language, "me.title"),
                signedIn.formKey(),
                me.fullName(),
                edits.notice(),
                group == null
                        ? null
                        : new GroupBox(
                                group.districtId(),
                                format.day(group.joinedAt(), language.locale()),
                                group.size(),
                                String.join(", ", group.organizers())),
                rounds,
                group != null && rounds.isEmpty(),
                reads.invitedBy(me.id()).orElse(null),
                reads.invitationsSent(me.id()).stream()
                        .map(i -> new InviteRow(
                                i.inviteeName(),
                                PageTexts.text(language, "me.invitation." + i.status()),
                                format.day(i.sentAt(), language.locale())))
                        .toList(),
                contact,
                "es".equals(me.locale()),
                address,
                sharing.box(me.id(), group == null ? null : group.districtId(), language),
                privacy(me.id(), language, edits.privacyErrorKey()));
    }

    private MemberHomeModels.Privacy privacy(long memberId, Language language, String errorKey) {
        Acquaintances.Privacy p = acquaintances.privacy(memberId);
        return new MemberHomeModels.Privacy(
                p.findable() == Acquaintances.Findable.GROUP,
                p.findable() == Acquaintances.Findable.CONNECTED,
                p.findable() == Acquaintances.Findable.NOBODY,
                p.nameShownToProxies(),
                errorKey == null ? null : PageTexts.text(language, errorKey));
    }

    private RoundBox round(MemberHomeReadModel.Round r, Language language, String ballotAddress) {
        CycleStage stage = CycleStage.valueOf(r.stage());
        boolean running = "RUNNING".equals(r.status());
        String stageName = running
                ? PageTexts.text(language, "me.stage." + stage.name())
                : PageTexts.text(language, "me.status." + r.status());
        boolean counted = stage.isAfter(CycleStage.VOTING_ROUND) || "COMPLETED".equals(r.status());
        return new RoundBox(
                r.cycleId(),
                stageName,
                format.day(r.startedAt(), language.locale()),
                running && r.stageDeadline() != null ? format.when(r.stageDeadline()) : null,
                running && stage == CycleStage.NOMINATION_WINDOW ? "/nominate/" + r.cycleId() : null,
                running && stage == CycleStage.VOTING_ROUND && r.inElectorate() && ballotAddress != null,
                ballotAddress,
                r.voted() ? "/ballot/" + r.cycleId() + "/check" : null,
                counted && !"CANCELLED".equals(r.status()) ? "/results/" + r.cycleId() : null);
    }
}
