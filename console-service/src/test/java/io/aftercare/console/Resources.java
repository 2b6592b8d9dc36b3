package io.aftercare.console;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import io.aftercare.localstack.LocalSmtp;
import io.aftercare.localstack.testing.SharedTestInfrastructure;

/** What the console's tests read of the local stack: the emails the SMTP server received. */
public final class Resources {

    private static final Pattern LINK = Pattern.compile("https?://\\S+/links/([A-Za-z0-9_-]{43})");

    private Resources() {
    }

    public static List<MimeMessage> mailTo(String address) {
        return SharedTestInfrastructure.smtp().receivedBy(address);
    }

    /** The one-time link's token in the newest email to this address, null when none came. */
    public static String linkTokenInNewestMailTo(String address) {
        List<MimeMessage> mails = mailTo(address);
        if (mails.isEmpty()) {
            return null;
        }
        Matcher matcher = LINK.matcher(LocalSmtp.textOf(mails.get(mails.size() - 1)));
        return matcher.find() ? matcher.group(1) : null;
    }
}
