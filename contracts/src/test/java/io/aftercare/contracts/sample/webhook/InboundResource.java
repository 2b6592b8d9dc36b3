package io.aftercare.contracts.sample.webhook;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

/** Misplaced: a resource in a feature package; it belongs in rest. */
@Path("/inbound")
public class InboundResource {

    @POST
    public void receive() {
    }
}
