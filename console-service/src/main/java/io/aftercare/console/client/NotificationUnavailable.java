package io.aftercare.console.client;

/** notification did not answer as it should (down, refusing the console's token, failing): the page says so, 502. */
public class NotificationUnavailable extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NotificationUnavailable(int status) {
        super("notification answered " + status);
    }

    public NotificationUnavailable(Throwable cause) {
        super("notification cannot be reached", cause);
    }
}
