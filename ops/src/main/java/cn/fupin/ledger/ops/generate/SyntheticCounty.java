package cn.fupin.ledger.ops.generate;

import cn.fupin.ledger.ops.demo.DemoHouseholds;
import cn.fupin.ledger.shared.place.Gazetteer;
import cn.fupin.ledger.shared.place.Place;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The invented part of a generated county, decided from the seed before anything is recorded: which of the
 * gazetteer's rural villages are poor (about a third), and the register of households (synthetic names and numbers
 * that belong to nobody, valid check digits because the import checks them), most in poor villages, about one in
 * eight a reservoir-area migrant, each with the year its row is imported. The places themselves are the gazetteer's:
 * every township and village of the county.
 */
final class SyntheticCounty {

    static final String REGISTER_HEADER = "cardNo,headName,idNumber,villageCode,members,migrant,bankCard\n";

    /** One household of the register; personal data stay in the row and are never printed. */
    static final class Household {
        final String cardNo;
        final String villageCode;
        final int importYear;
        final String row;
        boolean granted;
        boolean exited;
        int exitYear;

        Household(String cardNo, String villageCode, int importYear, String row) {
            this.cardNo = cardNo;
            this.villageCode = villageCode;
            this.importYear = importYear;
            this.row = row;
        }

        String townshipCode() {
            return villageCode.substring(0, 9);
        }
    }

    final Gazetteer gazetteer;
    final List<Place> townships;
    final List<String> poorVillages;
    final List<String> ruralVillages;
    final List<Household> households;

    private SyntheticCounty(Gazetteer gazetteer, List<String> poorVillages, List<String> ruralVillages,
                            List<Household> households) {
        this.gazetteer = gazetteer;
        this.townships = gazetteer.townships();
        this.poorVillages = poorVillages;
        this.ruralVillages = ruralVillages;
        this.households = households;
    }

    static SyntheticCounty of(Gazetteer gazetteer, GeneratorOptions options, Random random) {
        List<String> rural = new ArrayList<>();
        List<String> all = new ArrayList<>();
        for (Place township : gazetteer.townships()) {
            for (Place village : gazetteer.villagesOf(township.code())) {
                all.add(village.code());
                if (village.name().endsWith("村民委员会")) {
                    rural.add(village.code());
                }
            }
        }
        if (rural.isEmpty()) {
            rural.addAll(all);
        }
        List<String> poor = new ArrayList<>();
        for (String village : rural) {
            if (random.nextInt(3) == 0) {
                poor.add(village);
            }
        }
        if (poor.isEmpty()) {
            poor.add(rural.get(0));
        }
        // Most households live in poor villages (seven in ten), the rest in the other rural villages.
        List<String> others = rural.stream().filter(v -> !poor.contains(v)).toList();
        String countyCode = gazetteer.county().code();
        int later = options.years() > 1 ? options.households() * 3 / 100 : 0;
        Map<String, Integer> perVillage = new LinkedHashMap<>();
        Set<String> idNumbers = new HashSet<>();
        Set<String> bankCards = new HashSet<>();
        List<Household> households = new ArrayList<>(options.households());
        for (int i = 0; i < options.households(); i++) {
            List<String> pool = others.isEmpty() || random.nextInt(10) < 7 ? poor : others;
            String village = pool.get(random.nextInt(pool.size()));
            int sequence = perVillage.merge(village, 1, Integer::sum);
            String cardNo = "H" + village + "-" + String.format("%04d", sequence);
            String idNumber;
            do {
                idNumber = DemoHouseholds.idNumber(countyCode, random);
            } while (!idNumbers.add(idNumber));
            String bankCard;
            do {
                bankCard = DemoHouseholds.bankCard(random);
            } while (!bankCards.add(bankCard));
            int members = 1 + random.nextInt(6);
            boolean migrant = random.nextInt(8) == 0;
            // A few households of each later year are identified then (新识别) and arrive in that year's register.
            int importYear = options.firstYear();
            if (i >= options.households() - later) {
                importYear = options.firstYear() + 1 + random.nextInt(options.years() - 1);
            }
            String row = cardNo + ',' + DemoHouseholds.headName(random) + ',' + idNumber + ',' + village + ','
                    + members + ',' + migrant + ',' + bankCard + '\n';
            households.add(new Household(cardNo, village, importYear, row));
        }
        return new SyntheticCounty(gazetteer, List.copyOf(poor), List.copyOf(rural), households);
    }

    int villageCount() {
        return gazetteer.villageCount();
    }

    List<String> poorVillagesOf(String townshipCode) {
        return poorVillages.stream().filter(v -> v.startsWith(townshipCode)).toList();
    }

    String villageName(String code) {
        return gazetteer.village(code).orElseThrow().name();
    }

    String townshipName(String code) {
        return gazetteer.township(code).orElseThrow().name();
    }

    /** The first character of the county's name, as its documents are numbered (苍财农〔2016〕2号). */
    String documentPrefix() {
        return gazetteer.county().name().substring(0, 1);
    }
}
