package cn.fupin.ledger.ops.app;

import cn.fupin.ledger.shared.journal.AccountPostingView;
import cn.fupin.ledger.shared.journal.Accounts;
import cn.fupin.ledger.shared.journal.FindAccountPostingsQuery;
import cn.fupin.ledger.shared.journal.FindTrialBalanceQuery;
import cn.fupin.ledger.shared.journal.TrialBalanceView;
import cn.fupin.ledger.shared.money.Money;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The journal and the trial balance as of a day (总账与试算平衡): every account's balance at the end of the day typed
 * (county calendar), as {@code GET /api/audit/trial-balance?asOf=} answers it, summed by kind of account, with the
 * accounts of one kind listed (at most {@value #ACCOUNTS_SHOWN_MAX}) and each account's postings up to that day, paged
 * by keyset (posting time and number) as {@code GET /api/audit/accounts/{account}/postings} pages them.
 */
@Controller
class JournalScreen {

    static final String PATH = "/app/audit/journal";
    static final int ACCOUNTS_SHOWN_MAX = 200;
    static final int POSTINGS_PAGE_SIZE = 50;

    /** The kinds of account, by prefix, in the order a trial balance reads. */
    private static final Map<String, String> KINDS = kinds();

    private final QueryGateway queries;
    private final Clock clock;

    JournalScreen(QueryGateway queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    /** One kind of account: how many and their sum, as of the day. */
    record Kind(String prefix, String name, int accounts, String balance) {

        public String chineseName() {
            return name;
        }
    }

    /** One account and its balance. */
    record Account(String account, String kind, String balance) {
    }

    /** One posting as the account's page lists it. */
    record Line(String at, String amount, String eventType, String reference) {
    }

    @GetMapping(PATH)
    String trialBalance(@RequestParam(name = "asOf", required = false) String asOf,
                        @RequestParam(name = "kind", required = false) String kind, Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate day = asOf(asOf, errors, model);
        String shownKind = kind != null && KINDS.containsKey(kind) ? kind : Accounts.FUND;
        model.addAttribute("kind", shownKind);
        model.addAttribute("kindName", KINDS.get(shownKind));
        TrialBalanceView balance = queries.query(new FindTrialBalanceQuery(AuditDays.end(day)),
                TrialBalanceView.class).join();
        Map<String, long[]> sums = new LinkedHashMap<>();
        KINDS.keySet().forEach(prefix -> sums.put(prefix, new long[2]));
        List<Account> listed = new ArrayList<>();
        int ofKind = 0;
        for (TrialBalanceView.AccountBalance account : balance.accounts()) {
            String prefix = prefix(account.account());
            long[] sum = sums.computeIfAbsent(prefix, p -> new long[2]);
            sum[0]++;
            sum[1] = Math.addExact(sum[1], account.balanceFen());
            if (prefix.equals(shownKind)) {
                ofKind++;
                if (listed.size() < ACCOUNTS_SHOWN_MAX) {
                    listed.add(new Account(account.account(), KINDS.getOrDefault(prefix, prefix),
                            Money.yuan(account.balanceFen())));
                }
            }
        }
        List<Kind> kinds = new ArrayList<>();
        sums.forEach((prefix, sum) -> kinds.add(new Kind(prefix, KINDS.getOrDefault(prefix, prefix), (int) sum[0],
                Money.yuan(sum[1]))));
        model.addAttribute("kinds", kinds);
        model.addAttribute("accounts", listed);
        model.addAttribute("accountsOfKind", ofKind);
        model.addAttribute("total", Money.yuan(balance.totalFen()));
        model.addAttribute("balanced", balance.totalFen() == 0);
        return "app/audit-journal";
    }

    @GetMapping(PATH + "/postings")
    String postings(@RequestParam(name = "account", required = false) String account,
                    @RequestParam(name = "asOf", required = false) String asOf,
                    @RequestParam(name = "afterAt", required = false) String afterAt,
                    @RequestParam(name = "afterNo", required = false) String afterNo, Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate day = asOf(asOf, errors, model);
        if (account == null || account.isBlank() || account.length() > 255 || KINDS.keySet().stream()
                .noneMatch(account::startsWith)) {
            return "redirect:" + PATH;
        }
        Instant afterInstant = null;
        Long afterNumber = null;
        try {
            if (afterAt != null && afterNo != null) {
                afterInstant = Instant.parse(afterAt);
                afterNumber = Long.parseLong(afterNo);
            }
        } catch (DateTimeParseException | NumberFormatException e) {
            afterInstant = null;
            afterNumber = null;
        }
        List<AccountPostingView> fetched = queries.query(new FindAccountPostingsQuery(account, AuditDays.end(day),
                        afterInstant, afterNumber, POSTINGS_PAGE_SIZE + 1),
                ResponseTypes.multipleInstancesOf(AccountPostingView.class)).join();
        List<AccountPostingView> page = fetched.subList(0, Math.min(POSTINGS_PAGE_SIZE, fetched.size()));
        model.addAttribute("account", account);
        model.addAttribute("kindName", KINDS.get(prefix(account)));
        model.addAttribute("lines", page.stream().map(line -> new Line(AuditDays.shown(line.posting().at()),
                Money.yuan(line.posting().amountFen()), line.posting().eventType(),
                line.posting().reference() == null ? "" : line.posting().reference())).toList());
        if (fetched.size() > POSTINGS_PAGE_SIZE) {
            AccountPostingView last = page.get(page.size() - 1);
            model.addAttribute("nextAt", last.posting().at().toString());
            model.addAttribute("nextNo", last.postingNo());
        }
        return "app/audit-postings";
    }

    /** The day typed (today when blank or wrong, with the message beside the field). */
    private LocalDate asOf(String text, Map<String, String> errors, Model model) {
        LocalDate day = AuditDays.day(text, "asOf", errors);
        if (day == null) {
            day = AuditDays.today(clock);
        }
        model.addAttribute("errors", errors);
        model.addAttribute("asOf", errors.isEmpty() ? day.toString() : text);
        model.addAttribute("day", day.toString());
        return day;
    }

    private static String prefix(String account) {
        int colon = account.indexOf(':');
        return colon < 0 ? account : account.substring(0, colon + 1);
    }

    private static Map<String, String> kinds() {
        Map<String, String> kinds = new LinkedHashMap<>();
        kinds.put(Accounts.APPROPRIATION, "资金下达（贷方）");
        kinds.put(Accounts.FUND, "资金可用余额");
        kinds.put(Accounts.RESERVED, "项目占用未拨付");
        kinds.put(Accounts.PAID_VILLAGE, "已拨付到村");
        kinds.put(Accounts.PAID_HOUSEHOLD, "已拨付到户");
        return java.util.Collections.unmodifiableMap(kinds);
    }
}
