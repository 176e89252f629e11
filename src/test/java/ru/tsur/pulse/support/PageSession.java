package ru.tsur.pulse.support;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A person's login session on the pages without a browser: the code flow run with a plain HTTP client — open
 * a page, fill the identity provider's login form (password: user name + "-demo"), follow the redirects back —
 * so a test can ask for pages with the session cookie alone, as a browser would. The cookies are kept by name
 * for the one test host (127.0.0.1, the service and the provider on two ports), whatever their Secure flag:
 * the development provider runs over http, and Java's cookie manager would drop its Secure cookies.
 */
public final class PageSession {

    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");
    private static final int MOST_REDIRECTS = 10;

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private HttpResponse<String> landing;

    private PageSession() {
    }

    /** Opens {@code url} and logs in as the user on the provider's page. */
    public static PageSession login(String url, String user) throws IOException, InterruptedException {
        PageSession session = new PageSession();
        HttpResponse<String> loginPage = session.get(url);
        Matcher action = FORM_ACTION.matcher(loginPage.body());
        if (!action.find()) {
            throw new IllegalStateException("No login form at " + loginPage.uri() + ": " + loginPage.statusCode());
        }
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(user + "-demo", StandardCharsets.UTF_8) + "&credentialId=";
        session.landing = session.follow(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        return session;
    }

    /** The page the login ended on (the one asked for, after the redirects). */
    public HttpResponse<String> landing() {
        return landing;
    }

    /** A GET with the session's cookies, following redirects. */
    public HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return follow(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    private HttpResponse<String> follow(HttpRequest.Builder first) throws IOException, InterruptedException {
        HttpRequest.Builder request = first;
        for (int hop = 0; hop <= MOST_REDIRECTS; hop++) {
            if (!cookies.isEmpty()) {
                request.header("Cookie", cookies.entrySet().stream().map(cookie -> cookie.getKey() + "=" + cookie.getValue())
                        .collect(Collectors.joining("; ")));
            }
            HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString());
            for (String header : response.headers().allValues("Set-Cookie")) {
                String pair = header.split(";", 2)[0];
                int equals = pair.indexOf('=');
                String name = pair.substring(0, equals).strip();
                String value = pair.substring(equals + 1).strip();
                boolean expired = header.toLowerCase().contains("max-age=0") || value.isEmpty();
                if (expired) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
            int status = response.statusCode();
            if (status < 300 || status >= 400 || response.headers().firstValue("Location").isEmpty()) {
                return response;
            }
            URI next = response.uri().resolve(response.headers().firstValue("Location").get());
            request = HttpRequest.newBuilder(next).GET();
        }
        throw new IllegalStateException("More than " + MOST_REDIRECTS + " redirects");
    }
}
