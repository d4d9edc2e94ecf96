package cn.fupin.ledger.ops.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.RequestPath;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Where a request goes, decided as Spring MVC routes it: the path parsed from the request URI into segments, each
 * segment percent-decoded and its path parameters ({@code ;jsessionid=…}) left out, matched with Spring's own path
 * patterns. A filter that compared the raw request URI instead would not see {@code /%64isclosure/…} as the public
 * pages, while Spring sends it there.
 */
public final class RoutedPath {

    private static final PathPattern PUBLIC = PathPatternParser.defaultInstance.parse("/disclosure/**");

    private RoutedPath() {
    }

    /** Whether Spring routes the request under {@code /disclosure/}: the public pages and objections. */
    public static boolean isPublic(HttpServletRequest request) {
        return PUBLIC.matches(of(request));
    }

    private static PathContainer of(HttpServletRequest request) {
        if (ServletRequestPathUtils.hasParsedRequestPath(request)) {
            return ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication();
        }
        return RequestPath.parse(request.getRequestURI(), request.getContextPath()).pathWithinApplication();
    }
}
