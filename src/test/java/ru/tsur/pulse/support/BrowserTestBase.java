package ru.tsur.pulse.support;

import io.quarkus.test.common.http.TestHTTPResource;
import org.junit.jupiter.api.AfterAll;

import java.io.IOException;
import java.net.URL;

/**
 * What the browser test classes share: their headless Chromium (each class starts its own, at the size it
 * needs, in a {@code @BeforeAll}), closed after the class's last test, and the running service's address.
 */
public abstract class BrowserTestBase {

    protected static WallBrowser browser;

    @TestHTTPResource("/")
    protected URL base;

    @AfterAll
    static void closeBrowser() throws IOException {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    /** The service's address of a path (with its query), as a browser opens it: {@code /wall/?window=24h}. */
    protected String url(String pathAndQuery) {
        return "http://127.0.0.1:" + base.getPort() + pathAndQuery;
    }
}
