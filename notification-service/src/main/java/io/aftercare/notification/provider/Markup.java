package io.aftercare.notification.provider;

/** Text made safe to place inside HTML or XML: the email's HTML part, the TwiML answer to HELP. */
public final class Markup {

    private Markup() {
    }

    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
