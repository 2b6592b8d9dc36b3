package io.aftercare.console.security;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A plain HTTP client with a cookie jar, as a browser goes through the code flow: it follows redirects itself and
 * sends back each server's cookies (per host and port; the Secure flag is not enforced, since the tests run on http).
 */
final class Browser {

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final Map<String, Map<String, String>> jar = new LinkedHashMap<>();

    HttpResponse<String> get(URI uri) {
        return send(HttpRequest.newBuilder(uri).GET());
    }

    HttpResponse<String> post(URI uri, Map<String, String> form) {
        String body = form.entrySet()
                .stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Follows redirects (at most 10) from this answer on; the first answer that is not one. */
    HttpResponse<String> follow(HttpResponse<String> answer) {
        HttpResponse<String> current = answer;
        for (int i = 0; i < 10 && current.statusCode() / 100 == 3; i++) {
            current = get(current.uri().resolve(current.headers().firstValue("Location").orElseThrow()));
        }
        return current;
    }

    /** This browser's cookies for the server of {@code uri}. */
    Map<String, String> cookies(URI uri) {
        return Map.copyOf(jar.getOrDefault(uri.getAuthority(), Map.of()));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        HttpRequest built = request.timeout(Duration.ofSeconds(30)).build();
        Map<String, String> cookies = jar.getOrDefault(built.uri().getAuthority(), Map.of());
        HttpRequest withCookies = cookies.isEmpty()
                ? built
                : HttpRequest.newBuilder(built, (name, value) -> true)
                        .header("Cookie", cookies.entrySet()
                                .stream()
                                .map(cookie -> cookie.getKey() + "=" + cookie.getValue())
                                .collect(Collectors.joining("; ")))
                        .build();
        try {
            HttpResponse<String> answer = http.send(withCookies, HttpResponse.BodyHandlers.ofString());
            answer.headers().allValues("Set-Cookie").forEach(cookie -> keep(built.uri(), cookie));
            return answer;
        } catch (IOException e) {
            throw new IllegalStateException("request to " + built.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private void keep(URI uri, String setCookie) {
        String pair = setCookie.split(";", 2)[0];
        int equals = pair.indexOf('=');
        String name = pair.substring(0, equals).strip();
        String value = pair.substring(equals + 1).strip();
        String lower = setCookie.toLowerCase();
        Map<String, String> cookies = jar.computeIfAbsent(uri.getAuthority(), authority -> new LinkedHashMap<>());
        if (value.isEmpty() || lower.contains("max-age=0") || lower.contains("expires=thu, 01 jan 1970")) {
            cookies.remove(name);
        } else {
            cookies.put(name, value);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
