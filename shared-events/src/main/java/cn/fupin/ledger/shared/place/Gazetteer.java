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
import java.util.Map;
import java.util.Optional;

/**
 * The official places of one county: its townships and villages with their real division codes, read from the
 * statistical division codes shipped with the ledger ({@code /gazetteer/<county>-*.csv}, see its README).
 * Immutable once read; order is the file's order, which is the order of the codes.
 */
public final class Gazetteer {

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

    /** Reads the gazetteer of the county with the given 6-digit code from the class path. */
    public static Gazetteer forCounty(String countyCode) {
        String resource = switch (countyCode) {
            case "510824" -> "/gazetteer/510824-cangxi.csv";
            default -> throw new IllegalArgumentException("no gazetteer is shipped for county " + countyCode);
        };
        try (InputStream in = Gazetteer.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("gazetteer resource missing: " + resource);
            }
            return parse(countyCode, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Gazetteer parse(String countyCode, InputStream in) throws IOException {
        Place county = null;
        Map<String, Place> townships = new LinkedHashMap<>();
        Map<String, Place> villages = new LinkedHashMap<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String header = reader.readLine();
        if (header == null || !header.strip().equals("code,name,parentCode,level")) {
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
            Place.Level level = Place.Level.valueOf(cells[3].toUpperCase(java.util.Locale.ROOT));
            Place place = new Place(cells[0], cells[1], cells[2], level);
            switch (level) {
                case COUNTY -> county = place;
                case TOWNSHIP -> townships.put(place.code(), place);
                case VILLAGE -> villages.put(place.code(), place);
            }
        }
        if (county == null || !county.code().equals(countyCode)) {
            throw new IllegalStateException("gazetteer does not describe county " + countyCode);
        }
        return new Gazetteer(county, townships, villages);
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
