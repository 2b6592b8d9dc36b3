package io.aftercare.contracts.sample.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import io.aftercare.contracts.sample.provider.TwilioSettings;
import io.aftercare.contracts.sample.service.Things;

/** A resource in rest, using a service; the one that receives Twilio's calls may use the provider's classes. */
@Path("/things/{name}")
public class ThingResource {

    private final Things things;

    public ThingResource(Things things) {
        this.things = things;
    }

    @GET
    public long count(@PathParam("name") String name) {
        return things.count(name) + TwilioSettings.region().length();
    }
}
