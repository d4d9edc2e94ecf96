package cn.fupin.ledger.ops.security;

import cn.fupin.ledger.ops.web.Problems;
import cn.fupin.ledger.ops.web.RoutedPath;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a state-changing request (POST, PUT, PATCH, DELETE) that a browser sends on behalf of another site's
 * page: 403 {@code CROSS_SITE_REQUEST} in problem+json, before authentication, so nothing is recorded. Staff log in
 * with HTTP Basic, which a browser resends with every request to the ledger, whichever page asked for it; a page
 * elsewhere could otherwise post a form to {@code /api/} with a clerk's credentials.
 *
 * <p>What the browser says decides, and a request that says nothing is served (scripts, curl, the demo loader's
 * HTTP clients send neither header):
 * <ul>
 *   <li>{@code Origin}, when present, must be the ledger's own (scheme, host and port of the request as the ledger
 *       sees it; behind a reverse proxy that is the proxy's public address only with
 *       {@code server.forward-headers-strategy}) or one listed in {@code ledger.http.allowed-origins}. Anything else
 *       — another host or port, http for https, {@code null} (a sandboxed frame, a file) or an unreadable value — is
 *       refused.</li>
 *   <li>{@code Sec-Fetch-Site: cross-site} is refused unless the Origin is listed in
 *       {@code ledger.http.allowed-origins} (an operator's explicit choice).</li>
 *   <li>{@code Sec-Fetch-Site: same-site} means another host of the same registrable domain (another office's
 *       server under the same government domain): refused unless the Origin is the ledger's own or listed.</li>
 *   <li>{@code same-origin} and {@code none} (typed into the address bar, a bookmark) go on; any other value is
 *       refused.</li>
 * </ul>
 *
 * <p>The public objections under {@code /disclosure/} are not checked: they are anonymous (filed as {@code public},
 * whatever credentials come with them, so there are none to ride on), and the static site's notice pages post them
 * from wherever the static copy is served, or from a file ({@code Origin: null}). They are bounded per address
 * instead (ObjectionRateLimit). Whether a request lies under {@code /disclosure/} is decided as Spring routes it
 * ({@link RoutedPath}), so a path written otherwise cannot slip a request to {@code /api/} past this check.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class CrossSiteRequestFilter extends OncePerRequestFilter {

    private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final Set<String> allowedOrigins;
    private final ObjectMapper mapper;

    public CrossSiteRequestFilter(@Value("${ledger.http.allowed-origins:}") List<String> allowedOrigins,
                                  ObjectMapper mapper) {
        this.allowedOrigins = allowedOrigins.stream().filter(origin -> !origin.isBlank())
                .map(CrossSiteRequestFilter::configuredOrigin).collect(Collectors.toUnmodifiableSet());
        this.mapper = mapper;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !STATE_CHANGING.contains(request.getMethod()) || RoutedPath.isPublic(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (fromAnotherSite(request)) {
            Problems.write(response, mapper, HttpStatus.FORBIDDEN, "CROSS_SITE_REQUEST",
                    "a request that changes something is not taken from another site's page");
            return;
        }
        chain.doFilter(request, response);
    }

    boolean fromAnotherSite(HttpServletRequest request) {
        String originHeader = request.getHeader("Origin");
        String origin = originHeader == null ? null : normalised(originHeader);
        boolean listed = origin != null && allowedOrigins.contains(origin);
        boolean own = origin != null && origin.equals(ownOrigin(request));
        if (originHeader != null && !(own || listed)) {
            return true;
        }
        String site = request.getHeader("Sec-Fetch-Site");
        if (site == null) {
            return false;
        }
        return switch (site.strip().toLowerCase(Locale.ROOT)) {
            case "same-origin", "none" -> false;
            case "same-site" -> !(own || listed);
            case "cross-site" -> !listed;
            default -> true;
        };
    }

    /** The request's own origin as the ledger sees it (after any forwarded headers it was told to trust). */
    private static String ownOrigin(HttpServletRequest request) {
        return origin(request.getScheme(), request.getServerName(), request.getServerPort());
    }

    /** An Origin header as scheme://host[:port], lower case, default port left out; null when it is not one. */
    static String normalised(String value) {
        try {
            URI uri = new URI(value.strip());
            if (uri.getScheme() == null || uri.getHost() == null || uri.getRawUserInfo() != null
                    || !(uri.getRawPath() == null || uri.getRawPath().isEmpty())
                    || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                return null;
            }
            return origin(uri.getScheme(), uri.getHost(), uri.getPort());
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static String origin(String scheme, String host, int port) {
        String lowerScheme = scheme.toLowerCase(Locale.ROOT);
        String lowerHost = host.toLowerCase(Locale.ROOT);
        if (lowerHost.indexOf(':') >= 0 && !lowerHost.startsWith("[")) {
            lowerHost = "[" + lowerHost + "]";
        }
        boolean defaultPort = port < 0 || (lowerScheme.equals("http") && port == 80)
                || (lowerScheme.equals("https") && port == 443);
        return lowerScheme + "://" + lowerHost + (defaultPort ? "" : ":" + port);
    }

    private static String configuredOrigin(String value) {
        String origin = normalised(value);
        if (origin == null || !(origin.startsWith("http://") || origin.startsWith("https://"))) {
            throw new IllegalArgumentException("ledger.http.allowed-origins lists origins such as "
                    + "https://ledger.example.gov.cn (scheme, host and port only)");
        }
        return origin;
    }
}
