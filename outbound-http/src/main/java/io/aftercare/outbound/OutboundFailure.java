package io.aftercare.outbound;

/**
 * A call that did not get an answer. {@link #getMessage()} is for our logs; {@link #publicMessage()} is what a clinic
 * may read: "refused" or "timed out" and why in general terms, never an address, a port or an exception's text, so
 * that the attempts a clinic reads back cannot map a network for it.
 */
public final class OutboundFailure extends RuntimeException {

    public enum Kind {
        REFUSED, TIMED_OUT
    }

    private final Kind kind;
    private final String publicMessage;

    OutboundFailure(Kind kind, String publicMessage, String detail, Throwable cause) {
        super(detail, cause, false, false);
        this.kind = kind;
        this.publicMessage = publicMessage;
    }

    static OutboundFailure notAllowed(String detail) {
        return new OutboundFailure(Kind.REFUSED, "refused: the address is not allowed for outbound calls", detail,
                null);
    }

    static OutboundFailure connection(Throwable cause) {
        return new OutboundFailure(Kind.REFUSED, "refused: no connection could be made",
                cause.getClass().getSimpleName() + ": " + cause.getMessage(), cause);
    }

    static OutboundFailure tooLarge(int limit) {
        return new OutboundFailure(Kind.REFUSED, "refused: the answer is larger than " + limit / 1024 + " KiB",
                "answer over " + limit + " bytes", null);
    }

    static OutboundFailure timedOut(long millis) {
        return new OutboundFailure(Kind.TIMED_OUT, "timed out after " + millis + " ms",
                "no full answer within " + millis + " ms", null);
    }

    public Kind kind() {
        return kind;
    }

    public String publicMessage() {
        return publicMessage;
    }
}
