package cn.fupin.ledger.query.audit.redflag;

import cn.fupin.ledger.query.audit.PersonalDataReader;
import java.util.List;

/**
 * Every red-flag rule the ledger runs, in one list: a new rule is one more line here (and its documentation in
 * docs/api.md). Each call makes fresh instances with empty state, which the engine then feeds the whole history.
 */
public final class RedFlagRules {

    private RedFlagRules() {
    }

    public static List<RedFlagRule> all(RedFlagSettings settings, PersonalDataReader personalData) {
        return List.of(
                new IdleFundsRule(settings),
                new PaidBeforePublicityRule(),
                new GrantToIneligibleRule(),
                new SharedPayeeRule(fingerprints(personalData)),
                new SplitPaymentsRule(settings),
                new OverStandardRule(),
                new LateNoticeRule(settings),
                new ObjectionIgnoredRule(settings),
                new SelfDealingAttemptRule(),
                new RelatedPartyRule(),
                ScreeningListRule.using(personalData),
                new PublicationSkippedRule(),
                new BooksDisagreeRule());
    }

    /**
     * Opens a household's sealed number with the ledger's key and fingerprints it. A number that does not open (sealed
     * under another key, or damaged) has no fingerprint and takes no part in the comparison: the rule compares what
     * it can read, and the plain number never leaves this function.
     */
    static SharedPayeeRule.Fingerprints fingerprints(PersonalDataReader personalData) {
        return (kind, ciphertext, cardNo, field) -> {
            try {
                return personalData.fingerprint(kind, personalData.reveal(ciphertext, cardNo, field));
            } catch (RuntimeException unreadable) {
                return null;
            }
        };
    }
}
