package io.aftercare.guidance.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.aftercare.guidance.model.ProtocolContent;
import io.quarkus.runtime.StartupEvent;

/**
 * Publishes the protocols the service ships with (from {@code seed/}, written from the source articles) as version 1
 * when a database has none yet, or over a version from before care moments. Later versions are made through the admin
 * API.
 */
@ApplicationScoped
public class ShippedProtocols {

    private static final Logger LOG = Logger.getLogger(ShippedProtocols.class);
    static final String MICRONEEDLING = "microneedling";

    private final ProtocolPublication publication;
    private final ObjectMapper json;

    public ShippedProtocols(ProtocolPublication publication, ObjectMapper json) {
        this.publication = publication;
        this.json = json;
    }

    void onStart(@Observes StartupEvent start) {
        if (publication.publishInitialVersion(MICRONEEDLING, load(MICRONEEDLING))) {
            LOG.infof("published the shipped %s protocol", MICRONEEDLING);
        }
    }

    public ProtocolContent load(String treatment) {
        try (InputStream in = Thread.currentThread().getContextClassLoader()
                .getResourceAsStream("seed/" + treatment + ".json")) {
            if (in == null) {
                throw new IllegalStateException("no shipped protocol for " + treatment);
            }
            return json.readValue(in, ProtocolContent.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
