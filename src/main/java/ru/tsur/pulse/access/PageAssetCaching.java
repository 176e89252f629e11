package ru.tsur.pulse.access;

import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The pages' own assets (wall.js and its modules, wall.css, index.html) are revalidated at every load: the static handler
 * marks what it serves {@code public, immutable}, which would keep a kiosk on yesterday's wall.js for a
 * day after an upgrade; this replaces it with {@code no-cache} just before the headers go out, keeping the
 * handler's {@code Last-Modified}, so an unchanged asset costs a 304 and a new one arrives at the next reload.
 */
@ApplicationScoped
public class PageAssetCaching {

    void register(@Observes Filters filters) {
        filters.register(context -> {
            if (TenantByPath.isPage(context.normalizedPath())) {
                context.addHeadersEndHandler(ignored -> context.response().headers().set("Cache-Control", "no-cache"));
            }
            context.next();
        }, 50);
    }
}
