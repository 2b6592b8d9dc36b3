package io.aftercare.floors.model;

/**
 * What {@code POST /floor/texts} sends: {@code count} texts to a Twilio-speaking API at {@code perSecond}.
 *
 * @param url the provider's base URL (the fake Twilio's), without the {@code /2010-04-01/...} path
 */
public record TextsRequest(String url, String accountSid, String authToken, String from, Integer count,
        Integer perSecond) {

    /** Whether every field is there and the numbers make sense. */
    public boolean complete() {
        return url != null && (url.startsWith("http://") || url.startsWith("https://")) && accountSid != null
                && !accountSid.isBlank() && authToken != null && from != null && !from.isBlank() && count != null
                && count >= 0 && perSecond != null && perSecond > 0;
    }
}
