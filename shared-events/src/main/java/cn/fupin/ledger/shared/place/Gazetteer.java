package cn.fupin.ledger.shared.place;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The official places of one county: its townships and villages with their real division codes, read from the
 * statistical division codes shipped with the ledger: one file per province ({@code /gazetteer/provinces.csv} names
 * them, see the folder's README). Immutable once read; order is the order of the codes.
 */
public final class Gazetteer {

    private static final String PROVINCES = "/gazetteer/provinces.csv";
    private static final String HEADER = "code,name,parentCode,level";

    private final Place county;
    private final Map<String, Place> townships;
    private final Map<String, Place> villages;
    private final Map<String, List<Place>> villagesByTownship;

    private Gazetteer(Place county, Map<String, Place> townships, Map<String, Place> villages) {
        this.county = county;
        this.townships = Collections.unmodifiableMap(townships);
        this.villages = Collections.unmodifiableMap(villages);
        Map<String, List<Place>> byTownship = new LinkedHashMap<>();
        townships.keySet().forEach(code -> byTownship.put(code, new ArrayList<>()));
        villages.values().forEach(v -> byTownship.get(v.parentCode()).add(v));
        byTownship.replaceAll((code, list) -> List.copyOf(list));
        this.villagesByTownship = Collections.unmodifiableMap(byTownship);
    }

    /**
     * Reads the gazetteer of the county with the given 6-digit code from the file of its province on the class path.
     * A code that is not a county of a shipped province is refused with a message naming the provinces shipped.
     */
    public static Gazetteer forCounty(String countyCode) {
        if (countyCode == null || !countyCode.matches("\\d{6}")) {
            throw new IllegalArgumentException("a county code has 6 digits (统计用区划代码), e.g. 510824; got "
                    + (countyCode == null ? "none" : "'" + countyCode + "'"));
        }
        Map<String, String> provinces = provinces();
        String file = provinces.get(countyCode.substring(0, 2));
        if (file == null) {
            throw new IllegalArgumentException("no gazetteer is shipped for the province of county " + countyCode
                    + "; shipped: " + String.join(", ", provinces.values()));
        }
        try (InputStream in = resource("/gazetteer/" + file)) {
            return parse(countyCode, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The provinces shipped: province code → file name. */
    private static Map<String, String> provinces() {
        Map<String, String> provinces = new TreeMap<>();
        try (InputStream in = resource(PROVINCES)) {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String header = reader.readLine();
            if (header == null || !header.strip().equals("provinceCode,name,file")) {
                throw new IllegalStateException("unexpected header in " + PROVINCES);
            }
            String line;
            while ((line = reader.readLine()) != null) {
                String[] cells = line.strip().split(",", -1);
                if (cells.length == 3) {
                    provinces.put(cells[0], cells[2]);
                } else if (!line.isBlank()) {
                    throw new IllegalStateException("malformed line in " + PROVINCES + ": " + line.strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return provinces;
    }

    private static InputStream resource(String name) {
        InputStream in = Gazetteer.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("gazetteer resource missing: " + name);
        }
        return in;
    }

    /**
     * Reads the county {@code countyCode}, its townships and their villages from a file of division codes, which may
     * hold other counties (a province's file) and the levels above (province, city), which are passed over.
     */
    static Gazetteer parse(String countyCode, InputStream in) throws IOException {
        Place county = null;
        Map<String, Place> townships = new TreeMap<>();
        List<Place> candidates = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String header = reader.readLine();
        if (header == null || !header.strip().equals(HEADER)) {
            throw new IllegalStateException("unexpected gazetteer header");
        }
        String line;
        while ((line = reader.readLine()) != null) {
            line = line.strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (cells.length != 4) {
                throw new IllegalStateException("malformed gazetteer line: " + line);
            }
            if (!cells[0].startsWith(countyCode)) {
                continue;
            }
            String level = cells[3].toUpperCase(Locale.ROOT);
            switch (level) {
                case "COUNTY" -> county = new Place(cells[0], cells[1], cells[2], Place.Level.COUNTY);
                case "TOWNSHIP" -> {
                    if (cells[2].equals(countyCode)) {
                        townships.put(cells[0], new Place(cells[0], cells[1], cells[2], Place.Level.TOWNSHIP));
                    }
                }
                case "VILLAGE" -> candidates.add(new Place(cells[0], cells[1], cells[2], Place.Level.VILLAGE));
                default -> throw new IllegalStateException("unknown level in gazetteer line: " + line);
            }
        }
        if (county == null || !county.code().equals(countyCode)) {
            throw new IllegalArgumentException("county " + countyCode + " is not in the gazetteer of its province");
        }
        Map<String, Place> villages = new TreeMap<>();
        for (Place village : candidates) {
            if (townships.containsKey(village.parentCode())) {
                villages.put(village.code(), village);
            }
        }
        return new Gazetteer(county, new LinkedHashMap<>(townships), new LinkedHashMap<>(villages));
    }

    public Place county() {
        return county;
    }

    public List<Place> townships() {
        return List.copyOf(townships.values());
    }

    public List<Place> villagesOf(String townshipCode) {
        return villagesByTownship.getOrDefault(townshipCode, List.of());
    }

    public Optional<Place> township(String code) {
        return Optional.ofNullable(townships.get(code));
    }

    public Optional<Place> village(String code) {
        return Optional.ofNullable(villages.get(code));
    }

    public boolean hasVillage(String code) {
        return villages.containsKey(code);
    }

    public int villageCount() {
        return villages.size();
    }
}
