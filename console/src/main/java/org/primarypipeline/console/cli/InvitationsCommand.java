package org.primarypipeline.console.cli;

import org.primarypipeline.core.district.DistrictId;
import org.primarypipeline.outreach.Channel;
import org.primarypipeline.supporters.Invitations;
import org.springframework.beans.factory.annotation.Autowired;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Participation by invitation from the command line: a member invites someone by email or text (sent
 * through the outbox, honouring consent), an invitee's answer taken by staff on the phone, and the
 * invitation graph's size per district.
 */
@Command(
        name = "invitations",
        description = "Members invite people they know to their district group.",
        subcommands = {
            InvitationsCommand.Send.class,
            InvitationsCommand.Accept.class,
            InvitationsCommand.Decline.class,
            InvitationsCommand.Graph.class
        })
public class InvitationsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** One invitation step (see {@link OneStep}). */
    abstract static class Step extends OneStep {
        @Autowired
        Invitations invitations;
    }

    static final class Address {
        @Option(names = "--email", required = true, description = "Invite by email.")
        String email;

        @Option(names = "--phone", required = true, description = "Invite by text message.")
        String phone;
    }

    @Command(name = "send", description = "A member invites someone; the invitation goes out through the outbox.")
    static class Send extends Step {
        @Option(names = "--member", required = true, description = "The inviting member's id.")
        long member;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Address address;

        @Option(names = "--name", description = "The invitee's name, for the greeting.")
        String name;

        @Option(names = "--offer-proxy", description = "The inviter offers to be the invitee's proxy.")
        boolean offerProxy;

        @Override
        String perform() {
            Channel channel = address.email != null ? Channel.EMAIL : Channel.SMS;
            Invitations.Invitation i = invitations.invite(
                    member, channel, channel == Channel.EMAIL ? address.email : address.phone, name, offerProxy);
            return String.format(
                    "invitation %d to %s (%s)%s: %s, %s",
                    i.id(),
                    i.address(),
                    i.channel().name().toLowerCase(),
                    i.offersProxy() ? ", proxy offered" : "",
                    i.status().toLowerCase(),
                    // the code is stored only as its hash: it can be shown once, when it is made
                    i.token() == null ? "code sent earlier (not shown again)" : "code " + i.token());
        }
    }

    @Command(name = "accept", description = "Accept an invitation for the invitee (who gave their ZIP or district).")
    static class Accept extends Step {
        @Parameters(index = "0", paramLabel = "CODE", description = "The invitation code.")
        String token;

        @Option(names = "--name", description = "The invitee's name.")
        String name;

        @Option(names = "--zip", description = "Where the invitee lives.")
        String zip;

        @Option(names = "--district", description = "The invitee's district, as they confirm it (e.g. WI-02).")
        String district;

        @Option(names = "--proxy", description = "The invitee takes up the inviter's offer to be their proxy.")
        boolean proxy;

        @Override
        String perform() {
            Invitations.Invitation i =
                    invitations.accept(token, name, zip, district == null ? null : DistrictId.parse(district), proxy);
            return String.format(
                    "invitation %d accepted: member %d%s",
                    i.id(), i.inviteeMemberId(), i.proxyCreated() ? ", with the inviter as proxy" : "");
        }
    }

    @Command(name = "decline", description = "Decline an invitation for the invitee.")
    static class Decline extends Step {
        @Parameters(index = "0", paramLabel = "CODE", description = "The invitation code.")
        String token;

        @Override
        String perform() {
            return "invitation " + invitations.decline(token).id() + " declined";
        }
    }

    @Command(name = "graph", description = "The invitation graph's size per district group of the current plan.")
    static class Graph extends Step {
        @Override
        String perform() {
            StringBuilder out = new StringBuilder(String.format(
                    "%-8s %9s %11s %9s %9s %8s %6s",
                    "district", "inviters", "invitations", "accepted", "declined", "proxies", "depth"));
            for (Invitations.GraphSize g : invitations.graphByDistrict()) {
                out.append(String.format(
                        "%n%-8s %9d %11d %9d %9d %8d %6d",
                        g.districtId(),
                        g.inviters(),
                        g.invitations(),
                        g.accepted(),
                        g.declined(),
                        g.proxiesCreated(),
                        g.depth()));
            }
            return out.toString();
        }
    }
}
