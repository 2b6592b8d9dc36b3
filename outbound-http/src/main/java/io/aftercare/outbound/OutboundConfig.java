package io.aftercare.outbound;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Calls to addresses a clinic gives us. The defaults are production's; only a local run and the tests allow plain
 * http and loopback, and they say so in their own configuration.
 */
@ConfigMapping(prefix = "aftercare.outbound")
public interface OutboundConfig {

    /** Whether {@code http://} URLs are accepted; false in production, where every call is https. */
    @WithDefault("false")
    boolean allowHttp();

    /** Whether loopback addresses (127.0.0.0/8, ::1) may be called: a local run's and the tests' receivers. */
    @WithDefault("false")
    boolean allowLoopback();

    /** How long the TCP connection (and TLS handshake) may take. */
    @WithDefault("3s")
    Duration connectTimeout();

    /** How long a whole call may take, the address look-up and reading the answer included. */
    @WithDefault("10s")
    Duration totalTimeout();

    /** The largest answer read; a longer one is cut off and the call refused. */
    @WithDefault("65536")
    int maxResponseBytes();
}
