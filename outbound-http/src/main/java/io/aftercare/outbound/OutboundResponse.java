package io.aftercare.outbound;

import java.nio.charset.StandardCharsets;

/** An answer, read whole: its body is at most {@code aftercare.outbound.max-response-bytes} long. */
public record OutboundResponse(int status, byte[] body) {

    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
