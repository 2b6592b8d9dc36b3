package io.aftercare.guidance.service;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.aftercare.guidance.model.ClinicOverrideContent;
import io.aftercare.guidance.model.ProtocolContent;

/** Protocol and override content as stored in the database: JSON, in the same shape the API shows. */
@ApplicationScoped
public class ProtocolCodec {

    private final ObjectMapper json;

    public ProtocolCodec(ObjectMapper json) {
        this.json = json;
    }

    public String write(Object content) {
        try {
            return json.writeValueAsString(content);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("content cannot be written as JSON", e);
        }
    }

    public ProtocolContent protocol(String stored) {
        return read(stored, ProtocolContent.class);
    }

    public ClinicOverrideContent override(String stored) {
        return read(stored, ClinicOverrideContent.class);
    }

    private <T> T read(String stored, Class<T> type) {
        try {
            return json.readValue(stored, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored content is not a " + type.getSimpleName(), e);
        }
    }
}
