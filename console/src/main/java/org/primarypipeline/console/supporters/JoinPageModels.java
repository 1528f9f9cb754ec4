package org.primarypipeline.console.supporters;

import org.primarypipeline.console.web.PublicPage;

/**
 * What the page that confirms joining shows (templates under {@code console/pages/public/supporters/}),
 * in English or Spanish: the language the person asked in, or the one they switch to on the page.
 */
final class JoinPageModels {

    private JoinPageModels() {}

    /** The button that spends the link; opening the page changes nothing. */
    record Confirm(
            String title,
            String lang,
            String heading,
            String lead,
            String rules,
            String button,
            String action,
            String otherLanguageUrl,
            String otherLanguage)
            implements PublicPage {}

    /** Done, done before, or a link that does not work; {@code kind} is the box's colour. */
    record Message(String title, String lang, String heading, String message, String kind, String more)
            implements PublicPage {}

    /** The sentences of these pages in one language. */
    record Words(
            String lang,
            String title,
            String heading,
            String lead,
            String rules,
            String button,
            String otherLanguage,
            String otherLang,
            String welcome,
            String member,
            String left,
            String again,
            String electorate,
            String expired,
            String unknown,
            String linkProblem) {

        static final Words ENGLISH = new Words(
                "en",
                "Confirm joining",
                "Confirm that you want to join",
                "%s, press the button to become a member of the %s district group. Members put candidates"
                        + " forward and choose among them together.",
                "A person belongs to one group. If you are in another district's group, this moves you here"
                        + " and your membership there ends.",
                "Join the %s group",
                "Español",
                "es",
                "Welcome",
                "You are a member of the %s district group.",
                "You have left the %s group: a person belongs to one group.",
                "You had already confirmed: you are a member of the %s district group.",
                "Each voting round counts the members who had joined by its cut-off, which the ballot page shows.",
                "This link has expired. Ask to join again and we will send you a new one.",
                "We don't know this link. Check that you opened or copied all of it.",
                "This link does not work");

        static final Words SPANISH = new Words(
                "es",
                "Confirmar tu inscripción",
                "Confirma que quieres unirte",
                "%s, pulsa el botón para ser miembro del grupo del distrito %s. Los miembros proponen"
                        + " candidatos y eligen entre ellos juntos.",
                "Cada persona pertenece a un solo grupo. Si estás en el grupo de otro distrito, esto te cambia"
                        + " a este y dejas de ser miembro del otro.",
                "Unirme al grupo de %s",
                "English",
                "en",
                "Te damos la bienvenida",
                "Eres miembro del grupo del distrito %s.",
                "Has dejado el grupo de %s: cada persona pertenece a un solo grupo.",
                "Ya lo habías confirmado: eres miembro del grupo del distrito %s.",
                "Cada votación cuenta a los miembros que se unieron antes de su fecha de corte, que aparece en la"
                        + " página de la papeleta.",
                "Este enlace ha caducado. Pide unirte de nuevo y te enviaremos otro.",
                "No conocemos este enlace. Comprueba que lo abriste o copiaste entero.",
                "Este enlace no funciona");

        static Words of(boolean spanish) {
            return spanish ? SPANISH : ENGLISH;
        }
    }
}
