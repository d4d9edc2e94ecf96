package cn.fupin.ledger.ops.app;

import jakarta.servlet.http.HttpSession;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a session recorded through a screen, for the answer page the form redirects to (read your writes: the answer
 * shows what was recorded without waiting for a read model). Kept per screen in the session that recorded it — the
 * newest {@value #KEPT} — so another user cannot read it by guessing its id, and reloading the answer sends nothing.
 */
final class Answers {

    static final int KEPT = 20;

    private Answers() {
    }

    /** The answers of the screen named {@code screen} in this session, by the id the answer page's path carries. */
    @SuppressWarnings("unchecked")
    static <T> Map<String, T> of(HttpSession session, Class<?> screen) {
        String attribute = Answers.class.getName() + "." + screen.getName();
        synchronized (session) {
            Map<String, T> kept = (Map<String, T>) session.getAttribute(attribute);
            if (kept == null) {
                kept = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, false) {
                    @Override
                    protected boolean removeEldestEntry(Map.Entry<String, T> eldest) {
                        return size() > KEPT;
                    }
                });
                session.setAttribute(attribute, kept);
            }
            return kept;
        }
    }
}
