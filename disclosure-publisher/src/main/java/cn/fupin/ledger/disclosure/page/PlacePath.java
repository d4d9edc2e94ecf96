package cn.fupin.ledger.disclosure.page;

import cn.fupin.ledger.shared.place.Place;

/**
 * Where a page sits in the three levels: the county, and below it the township and the village where the page is
 * theirs ({@code null} above). The breadcrumbs of every page are drawn from it.
 */
public record PlacePath(Place county, Place township, Place village) {

    public PlacePath {
        if (county == null) {
            throw new IllegalArgumentException("every page belongs to the county");
        }
        if (village != null && township == null) {
            throw new IllegalArgumentException("a village page names its township too");
        }
    }

    public static PlacePath county(Place county) {
        return new PlacePath(county, null, null);
    }

    public static PlacePath township(Place county, Place township) {
        return new PlacePath(county, township, null);
    }

    public static PlacePath village(Place county, Place township, Place village) {
        return new PlacePath(county, township, village);
    }

    /** The deepest place of the path. */
    public Place place() {
        return village != null ? village : township != null ? township : county;
    }
}
