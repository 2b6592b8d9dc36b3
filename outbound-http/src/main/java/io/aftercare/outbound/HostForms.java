package io.aftercare.outbound;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How a URL's host is written. An IPv4 address must be four decimal numbers: the shortened, octal and hex forms
 * ({@code 127.1}, {@code 2130706433}, {@code 0177.0.0.1}, {@code 0x7f000001}) are read by C resolvers, browsers and
 * curl as the address they encode, and exist in a URL only to slip past a check that reads them as a name.
 */
final class HostForms {

    /** A host written as an address, or refused for its form. */
    sealed interface Literal permits Address, Ambiguous {
    }

    record Address(InetAddress address) implements Literal {
    }

    record Ambiguous() implements Literal {
    }

    /** What inet_aton accepts: one to four parts, each decimal, octal (leading 0) or hex (0x). */
    private static final Pattern INET_ATON = Pattern.compile("(0x[0-9a-f]*|[0-9]+)(\\.(0x[0-9a-f]*|[0-9]+)){0,3}\\.?");
    private static final Pattern DOTTED_QUAD = Pattern
            .compile(
                    "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");

    private HostForms() {
    }

    /** @return the address the host is written as, an ambiguous numeric form, or empty for a name */
    static Optional<Literal> literal(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.contains(":")) {
            return Optional.of(parse(h));
        }
        if (DOTTED_QUAD.matcher(h).matches()) {
            return Optional.of(parse(h));
        }
        if (INET_ATON.matcher(h).matches()) {
            return Optional.of(new Ambiguous());
        }
        return Optional.empty();
    }

    private static Literal parse(String literal) {
        try {
            // A literal is parsed, never looked up: getByName only resolves names.
            return new Address(InetAddress.getByName(literal));
        } catch (UnknownHostException | SecurityException e) {
            return new Ambiguous();
        }
    }
}
