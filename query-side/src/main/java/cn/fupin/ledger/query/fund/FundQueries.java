package cn.fupin.ledger.query.fund;

import cn.fupin.ledger.shared.fund.AppropriationView;
import cn.fupin.ledger.shared.fund.CountyFloorView;
import cn.fupin.ledger.shared.fund.FindAppropriationsQuery;
import cn.fupin.ledger.shared.fund.FindCountyFloorQuery;
import cn.fupin.ledger.shared.fund.FindFundsQuery;
import cn.fupin.ledger.shared.fund.FundSource;
import cn.fupin.ledger.shared.fund.FundView;
import cn.fupin.ledger.shared.money.Money;
import java.util.List;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Answers the fund queries from the fund read model. */
@Component
class FundQueries {

    private final FundRepository funds;
    private final AppropriationRepository appropriations;

    FundQueries(FundRepository funds, AppropriationRepository appropriations) {
        this.funds = funds;
        this.appropriations = appropriations;
    }

    @QueryHandler
    @Transactional(readOnly = true)
    public List<FundView> handle(FindFundsQuery query) {
        List<FundEntity> found = query.fiscalYear() == null
                ? funds.findAllByOrderByFiscalYearAscSourceAsc()
                : funds.findByFiscalYearOrderBySourceAsc(query.fiscalYear());
        return found.stream()
                .map(f -> new FundView(f.fundId(), f.fiscalYear(), f.source(), f.appropriatedFen(), f.reservedFen(),
                        f.disbursedFen(), f.appropriatedFen() - f.reservedFen() - f.disbursedFen()))
                .toList();
    }

    @QueryHandler
    @Transactional(readOnly = true)
    public List<AppropriationView> handle(FindAppropriationsQuery query) {
        return appropriations.find(query.fiscalYear(), query.afterRecordedAt(), query.afterId(),
                        query.limit() == null ? Limit.unlimited() : Limit.of(query.limit()))
                .stream().map(AppropriationEntity::view).toList();
    }

    @QueryHandler
    @Transactional(readOnly = true)
    public CountyFloorView handle(FindCountyFloorQuery query) {
        long county = funds.appropriatedFen(query.fiscalYear(), FundSource.COUNTY);
        return new CountyFloorView(query.fiscalYear(), county, Money.COUNTY_FLOOR_FEN, county >= Money.COUNTY_FLOOR_FEN);
    }
}
