package cn.fupin.ledger.query.fund;

import cn.fupin.ledger.shared.fund.FundSource;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface FundRepository extends JpaRepository<FundEntity, String> {

    List<FundEntity> findByFiscalYearOrderBySourceAsc(int fiscalYear);

    List<FundEntity> findAllByOrderByFiscalYearAscSourceAsc();

    @Query("select coalesce(sum(f.appropriatedFen), 0) from FundEntity f where f.fiscalYear = ?1 and f.source = ?2")
    long appropriatedFen(int fiscalYear, FundSource source);
}
