package cn.fupin.ledger.shared.workarea;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The reference list of key work areas, read from {@code /work-areas/work-areas.csv} (see its README). Immutable;
 * order is the plan's order.
 */
public final class WorkAreas {

    private static final String RESOURCE = "/work-areas/work-areas.csv";
    private static final String HEADER = "code,seedItem,name,leadDepartments,targets";

    private final Map<String, WorkArea> byCode;

    private WorkAreas(Map<String, WorkArea> byCode) {
        this.byCode = byCode;
    }

    /** The work areas of the county plan shipped with the ledger. */
    public static WorkAreas standard() {
        try (InputStream in = WorkAreas.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("work area resource missing: " + RESOURCE);
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static WorkAreas parse(InputStream in) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String header = reader.readLine();
        if (header == null || !header.strip().replace("\uFEFF", "").equals(HEADER)) {
            throw new IllegalStateException("work area file must start with the header " + HEADER);
        }
        Map<String, WorkArea> areas = new LinkedHashMap<>();
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.strip().split(",", -1);
            if (cells.length != 5) {
                throw new IllegalStateException("a work area row has 5 cells: " + line);
            }
            WorkArea area = new WorkArea(cells[0], cells[1], cells[2],
                    Arrays.stream(cells[3].split("、")).map(String::strip).toList(), Beneficiary.valueOf(cells[4]));
            if (areas.put(area.code(), area) != null) {
                throw new IllegalStateException("work area listed twice: " + area.code());
            }
        }
        return new WorkAreas(java.util.Collections.unmodifiableMap(areas));
    }

    public Optional<WorkArea> find(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }

    public Collection<WorkArea> all() {
        return List.copyOf(byCode.values());
    }

    public List<String> codes() {
        return new ArrayList<>(byCode.keySet());
    }
}
