package cn.fupin.ledger.shared.disclosure;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;

/**
 * The canonical JSON of a notice, rendered once, when it is published: the notice's publication event records these
 * bytes ({@code NoticePublishedEvent.contentJson}) with their SHA-256, and they are what is served as
 * {@code /disclosure/notices/{id}.json} and written into the static site, for ever. A published notice is never
 * rendered again: its kind's name (from {@link NoticeKind}) or this code may change, its bytes do not. Written by hand,
 * without a JSON library, so that the bytes depend on nothing but this code: keys in a fixed order, no insignificant
 * whitespace, UTF-8, every non-ASCII character as itself, control characters and {@code < > &} escaped as
 * {@code \\u} and four hex digits (so the JSON is also safe inside HTML). A change of this format is a new version
 * field; the upcaster of revision 1 of the publication event renders format 1 (see its note).
 */
public final class NoticeJson {

    /** The format's version, the first key of every notice. */
    public static final int FORMAT = 1;

    private NoticeJson() {
    }

    /** The notice as it would be published now, its kind named as {@link NoticeKind} names it today. */
    public static byte[] render(NoticeContent notice) {
        return render(notice, notice.kind().chineseName());
    }

    /** The notice with its kind named {@code kindName} (the name it was, or is being, published with). */
    public static byte[] render(NoticeContent notice, String kindName) {
        StringBuilder json = new StringBuilder(1024);
        json.append('{');
        key(json, "format").append(FORMAT).append(',');
        key(json, "noticeId"); string(json, notice.noticeId()).append(',');
        key(json, "kind"); string(json, notice.kind().name()).append(',');
        key(json, "kindName"); string(json, kindName).append(',');
        key(json, "level"); string(json, notice.level().name()).append(',');
        key(json, "placeCode"); string(json, notice.placeCode()).append(',');
        key(json, "placeName"); string(json, notice.placeName()).append(',');
        key(json, "title"); string(json, notice.title()).append(',');
        key(json, "body"); string(json, notice.body()).append(',');
        key(json, "fields").append('[');
        for (int i = 0; i < notice.fields().size(); i++) {
            NoticeContent.Field field = notice.fields().get(i);
            json.append(i == 0 ? "" : ",").append('{');
            key(json, "label"); string(json, field.label()).append(',');
            key(json, "value"); string(json, field.value()).append('}');
        }
        json.append("],");
        key(json, "columns"); strings(json, notice.columns()).append(',');
        key(json, "rows").append('[');
        for (int i = 0; i < notice.rows().size(); i++) {
            NoticeContent.Row row = notice.rows().get(i);
            json.append(i == 0 ? "" : ",").append('{');
            key(json, "item"); string(json, row.item()).append(',');
            key(json, "cells"); strings(json, row.cells()).append('}');
        }
        json.append("],");
        key(json, "periodStart"); date(json, notice.periodStart()).append(',');
        key(json, "periodEnd"); date(json, notice.periodEnd()).append(',');
        key(json, "supersedes"); string(json, notice.supersedes()).append(',');
        key(json, "correctionReason"); string(json, notice.correctionReason()).append(',');
        key(json, "supervisionPhone"); string(json, notice.supervisionPhone()).append(',');
        key(json, "hotline"); string(json, notice.hotline());
        json.append('}');
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The lowercase hex SHA-256 of the notice's canonical JSON, as it would be published now. */
    public static String sha256(NoticeContent notice) {
        return sha256(render(notice));
    }

    /** The lowercase hex SHA-256 of bytes. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static StringBuilder key(StringBuilder json, String name) {
        return json.append('"').append(name).append("\":");
    }

    private static StringBuilder strings(StringBuilder json, List<String> values) {
        json.append('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                json.append(',');
            }
            string(json, values.get(i));
        }
        return json.append(']');
    }

    private static StringBuilder date(StringBuilder json, LocalDate date) {
        return date == null ? json.append("null") : json.append('"').append(date).append('"');
    }

    static StringBuilder string(StringBuilder json, String value) {
        if (value == null) {
            return json.append("null");
        }
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == 0x2028 || c == 0x2029) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"');
    }
}
