package cn.fupin.ledger.disclosure.page;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns every text inside a page's data into markup: each string {@code s}, wherever it sits (names, titles,
 * document numbers, cells, ids, codes), becomes {@code <script>alert('s')</script><img src=x onerror="alert(1)">&"}. The
 * change is the same for equal strings, so ids still find what they name.
 */
final class Hostile {

    private Hostile() {
    }

    static String text(String value) {
        return "<script>alert('" + value + "')</script><img src=x onerror=\"alert(1)\">&\"";
    }

    @SuppressWarnings("unchecked")
    static <T> T everyText(T value) {
        return (T) transform(value);
    }

    private static Object transform(Object value) {
        if (value instanceof String text) {
            return text(text);
        }
        if (value instanceof List<?> list) {
            List<Object> mapped = new ArrayList<>();
            list.forEach(element -> mapped.add(transform(element)));
            return mapped;
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> mapped = new LinkedHashMap<>();
            map.forEach((key, element) -> mapped.put(transform(key), transform(element)));
            return mapped;
        }
        if (value != null && value.getClass().isRecord()) {
            return record(value);
        }
        return value;
    }

    private static Object record(Object record) {
        try {
            RecordComponent[] components = record.getClass().getRecordComponents();
            Object[] values = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                components[i].getAccessor().setAccessible(true);
                values[i] = transform(components[i].getAccessor().invoke(record));
                types[i] = components[i].getType();
            }
            Constructor<?> constructor = record.getClass().getDeclaredConstructor(types);
            constructor.setAccessible(true);
            return constructor.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot rebuild " + record.getClass(), e);
        }
    }
}
