package cn.fupin.ledger.disclosure.page;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * Where each page lives in the public site, as paths relative to the site's root. The same paths work served live
 * under {@code /disclosure/} and written as a folder for any web server (or opened from a disk): every link between
 * pages is relative and names the file ({@code 510824100/index.html}, {@code notices/N-1.html}), so no server rule
 * is needed. The county page is at the root; every other page is one folder down.
 */
public final class Site {

    /** The county page. */
    public static final String COUNTY = "index.html";
    /** The one stylesheet of every page, screen and print. */
    public static final String STYLESHEET = "style.css";
    /** The folder of notices. */
    public static final String NOTICES = "notices";
    /** The folder of the county's pages by year. */
    public static final String YEARS = "years";

    /**
     * Notice ids that can name a file on every file system and a URL segment without encoding: letters, digits, dot,
     * dash and underscore, not starting with a dot, at most 100 characters.
     */
    private static final Pattern SAFE_NOTICE_ID = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}");

    private Site() {
    }

    /** The formats a notice is published in. */
    public enum NoticeFormat {
        HTML("html"),
        JSON("json"),
        CSV("csv");

        private final String extension;

        NoticeFormat(String extension) {
            this.extension = extension;
        }

        public String extension() {
            return extension;
        }
    }

    /** The page of a township (9 digits) or a village (12 digits). */
    public static String place(String code) {
        return segment(code) + "/index.html";
    }

    /**
     * The county's page of one year ({@code years/2016.html}): that fiscal year's appropriations, rounds and projects,
     * and the county's notices published in that year.
     */
    public static String year(int year) {
        return YEARS + "/" + year + ".html";
    }

    /**
     * The page of one year of a township or a village ({@code 510824100/2016.html}), beside the place's own page:
     * the place's notices published in that year and, for a village, the payments requested in it.
     */
    public static String placeYear(String code, int year) {
        return segment(code) + "/" + year + ".html";
    }

    /** The year a notice published at {@code publishedAt} belongs to: its date on the county's notice board. */
    public static int yearOf(Instant publishedAt) {
        return publishedAt.atZone(Formats.CHINA).getYear();
    }

    /** The first instant of {@code year} on the county's notice board (midnight of 1 January, China time). */
    public static Instant startOf(int year) {
        return LocalDate.of(year, 1, 1).atStartOfDay(Formats.CHINA).toInstant();
    }

    /** A notice in one of its formats. */
    public static String notice(String noticeId, NoticeFormat format) {
        return NOTICES + "/" + noticeFile(noticeId, format);
    }

    /** A notice's file name in the notices folder (how one notice's page links to another). */
    public static String noticeFile(String noticeId, NoticeFormat format) {
        return segment(noticeId) + "." + format.extension();
    }

    /**
     * Where objections to a notice are posted ({@code notices/<id>/objections}), from the site's root. Only the live
     * ledger takes them; a static server has nothing there (see {@link NoticePage#liveRoot()}).
     */
    public static String objections(String noticeId) {
        return NOTICES + "/" + segment(noticeId) + "/objections";
    }

    /** Whether a notice id can be a file name and a URL segment as it is. */
    public static boolean isSafeNoticeId(String noticeId) {
        return noticeId != null && SAFE_NOTICE_ID.matcher(noticeId).matches();
    }

    /** The text as one URL path segment: everything outside RFC 3986's unreserved characters percent-encoded. */
    static String segment(String text) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : (text == null ? "" : text).getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                    || c == '_' || c == '~') {
                encoded.append(c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return encoded.toString();
    }
}
