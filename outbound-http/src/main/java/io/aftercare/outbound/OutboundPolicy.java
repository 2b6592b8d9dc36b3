package io.aftercare.outbound;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Which URLs we call for a clinic. Checked when the URL is saved, for a clear answer to whoever wrote it, and again
 * before every connection against what the name resolves to then ({@link #addresses}): a name that resolved to a
 * public address at save time can point at 127.0.0.1 a minute later (DNS rebinding).
 */
@ApplicationScoped
public class OutboundPolicy {

    private final boolean allowHttp;
    private final boolean allowLoopback;

    @Inject
    public OutboundPolicy(OutboundConfig config) {
        this(config.allowHttp(), config.allowLoopback());
    }

    public OutboundPolicy(boolean allowHttp, boolean allowLoopback) {
        this.allowHttp = allowHttp;
        this.allowLoopback = allowLoopback;
    }

    /**
     * Why this URL may not be saved, in words for the field error, or empty when it may. A name that does not resolve
     * now is accepted: it reaches nothing, and the connect-time check judges whatever it resolves to later.
     */
    public Optional<String> refusal(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException | NullPointerException e) {
            return Optional.of("must be a URL");
        }
        if (!schemeAllowed(uri.getScheme())) {
            return Optional.of(allowHttp ? "must be an http or https URL" : "must be an https URL");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not carry a user name or password; use the secret or authorization field");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            return Optional.of("must name a host");
        }
        try {
            addresses(uri.getHost());
            return Optional.empty();
        } catch (OutboundFailure refused) {
            return Optional.of(refused.getMessage());
        } catch (UnknownHostException notYet) {
            return Optional.empty();
        }
    }

    /** https, and http where a local run or the tests allow it. */
    public boolean schemeAllowed(String scheme) {
        String s = scheme == null ? "" : scheme.toLowerCase(Locale.ROOT);
        return s.equals("https") || (allowHttp && s.equals("http"));
    }

    /**
     * Every address the host stands for, each checked: one internal address refuses the host, since the client might
     * connect to any of them.
     *
     * @throws OutboundFailure the host is written in an ambiguous form, or one of its addresses is internal
     * @throws UnknownHostException the name does not resolve
     */
    public List<InetAddress> addresses(String host) throws UnknownHostException {
        Optional<HostForms.Literal> literal = HostForms.literal(host);
        if (literal.isPresent() && literal.get() instanceof HostForms.Ambiguous) {
            throw OutboundFailure.notAllowed(
                    "must write an IPv4 address as four decimal numbers (no shortened, octal or hex forms)");
        }
        List<InetAddress> addresses = literal.isPresent()
                ? List.of(((HostForms.Address) literal.get()).address())
                : List.of(InetAddress.getAllByName(host));
        for (InetAddress address : addresses) {
            Optional<AddressRanges.Kind> kind = AddressRanges.internal(address);
            if (kind.isPresent() && !(allowLoopback && kind.get() == AddressRanges.Kind.LOOPBACK)) {
                throw OutboundFailure.notAllowed(literal.isPresent()
                        ? "must not be a " + kind.get().label + " address"
                        : "must not name a host that resolves to a " + kind.get().label + " address");
            }
        }
        return addresses;
    }
}
