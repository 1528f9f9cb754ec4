package org.primarypipeline.console.web;

/**
 * A member's page that could not be shown: what happened and what to do, in the reader's language
 * first and in the other one below it, since a link may be opened on anyone's phone.
 */
public record PublicErrorPage(String title, String lang, String heading, String advice, String otherLang, String other)
        implements PublicPage {

    static PublicErrorPage of(int status, boolean spanish) {
        String[] en = english(status);
        String[] es = spanish(status);
        return spanish
                ? new PublicErrorPage(es[0], "es", es[0], es[1], "en", en[0] + ". " + en[1])
                : new PublicErrorPage(en[0], "en", en[0], en[1], "es", es[0] + ". " + es[1]);
    }

    private static String[] english(int status) {
        if (status == 404) {
            return new String[] {
                "We can't find that page",
                "Check that you opened the whole link from your message; a link cut short leads nowhere."
            };
        }
        if (status == 403) {
            return new String[] {"This page is not open to you", "The link you used does not give access to it."};
        }
        if (status >= 500) {
            return new String[] {
                "Something went wrong on our side",
                "Nothing you did caused it and nothing was lost. Please try again in a few minutes."
            };
        }
        return new String[] {
            "That link or form is not quite right",
            "Part of the address or of the form could not be read. Open the link from your message again."
        };
    }

    private static String[] spanish(int status) {
        if (status == 404) {
            return new String[] {
                "No encontramos esa página",
                "Compruebe que abrió el enlace completo de su mensaje; un enlace cortado no lleva a ninguna parte."
            };
        }
        if (status == 403) {
            return new String[] {"Esta página no está abierta para usted", "El enlace que usó no da acceso a ella."};
        }
        if (status >= 500) {
            return new String[] {
                "Algo salió mal de nuestro lado",
                "No fue nada que usted hiciera y no se perdió nada. Inténtelo de nuevo en unos minutos."
            };
        }
        return new String[] {
            "Ese enlace o formulario no es del todo correcto",
            "No pudimos leer parte de la dirección o del formulario. Abra de nuevo el enlace de su mensaje."
        };
    }
}
