package cn.fupin.ledger.shared.fund;

/** The range of fiscal years the ledger accepts: a guard against typing errors, not a policy. */
public final class FiscalYear {

    public static final int EARLIEST = 2000;
    public static final int LATEST = 2100;

    private FiscalYear() {
    }

    public static boolean isValid(int year) {
        return year >= EARLIEST && year <= LATEST;
    }
}
