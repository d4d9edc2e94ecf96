package cn.fupin.ledger.command.common;

import cn.fupin.ledger.shared.common.IdSpace;
import cn.fupin.ledger.shared.competition.CompetitionId;
import cn.fupin.ledger.shared.disbursement.DisbursementId;
import cn.fupin.ledger.shared.disbursement.GrantBatchId;
import cn.fupin.ledger.shared.disclosure.NoticeId;
import cn.fupin.ledger.shared.disclosure.ObjectionId;
import cn.fupin.ledger.shared.fund.FundId;
import cn.fupin.ledger.shared.fund.FundSource;
import cn.fupin.ledger.shared.place.Gazetteer;
import cn.fupin.ledger.shared.project.ProjectId;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Makes the identifiers the ledger gives to what it records: the space's prefix ({@link IdSpace}), the code of the
 * county the ledger serves, and a random UUID, e.g. {@code PRJ-510824-0f8f…}. The county's code keeps every id
 * unique, and tells where it came from, when the data of two counties are ever put together (a province-wide
 * deployment, an audit of several counties); the UUID keeps ids unique among the nodes of one county without any
 * coordination. Ids chosen by a client are never used for these records.
 */
@Component
public class NewIds {

    private final String countyCode;

    public NewIds(Gazetteer gazetteer) {
        this.countyCode = gazetteer.county().code();
    }

    /** The fund of a source for a fiscal year of this county: every appropriation of both adds to it. */
    public FundId fund(int fiscalYear, FundSource source) {
        return FundId.of(countyCode, fiscalYear, source);
    }

    public String appropriation() {
        return next(IdSpace.APPROPRIATION);
    }

    public ProjectId project() {
        return new ProjectId(next(IdSpace.PROJECT));
    }

    public DisbursementId disbursement() {
        return new DisbursementId(next(IdSpace.DISBURSEMENT));
    }

    public GrantBatchId grantBatch() {
        return new GrantBatchId(next(IdSpace.GRANT_BATCH));
    }

    public CompetitionId competition() {
        return new CompetitionId(next(IdSpace.COMPETITION));
    }

    public NoticeId notice() {
        return new NoticeId(next(IdSpace.NOTICE));
    }

    public ObjectionId objection() {
        return new ObjectionId(next(IdSpace.OBJECTION));
    }

    public String registerImport() {
        return next(IdSpace.REGISTER_IMPORT);
    }

    public String screeningList() {
        return next(IdSpace.SCREENING_LIST);
    }

    private String next(IdSpace space) {
        return space.prefix() + countyCode + "-" + UUID.randomUUID();
    }
}
