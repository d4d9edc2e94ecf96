package cn.fupin.ledger.ops.schema;

import cn.fupin.ledger.shared.fund.FundId;
import cn.fupin.ledger.shared.place.Gazetteer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Fund ids carry the county's code from step 5 on ({@code FUND-2015-COUNTY} became {@code FUND-510824-2015-COUNTY},
 * issue 11, item 8). A store written before is migrated in two parts:
 * <ul>
 *   <li>here, the streams of the funds are renamed (the {@code aggregate_identifier} of the fund's events; the county
 *       is the one this ledger serves, {@code ledger.county.code}, which is why this migration is Java and a Spring
 *       bean), and every read model is emptied with its processor's token, so that each is built again from the
 *       events when the ledger starts;</li>
 *   <li>when the events are read, {@code FundIdUpcaster} rewrites the fund ids inside the payloads: the stored bytes
 *       stay as they were written.</li>
 * </ul>
 * Nothing happens on a store without such funds (a new one). The automatic publisher and the sagas keep their tokens:
 * they act, and would act twice.
 */
@Component
public class V15__Fund_ids_with_county extends BaseJavaMigration {

    /** The processing groups of the read models and of the public pages: each is built again from the events. */
    static final List<String> READ_MODEL_GROUPS = List.of("assessments", "audit-subjects", "competitions", "coverage",
            "disbursements", "disclosure-pages", "funds", "households", "journal", "notices", "places", "projects",
            "skipped-work");

    /** Every table those groups own (their reset handlers empty the same). */
    static final List<String> READ_MODEL_TABLES = List.of("appropriation_view", "audit_event", "audit_subject",
            "competition_project_name",
            "competition_proposal_view", "competition_view", "coverage_grant", "coverage_household", "coverage_village",
            "disbursement_fund_line", "disbursement_payee_name", "disbursement_view", "fund_view", "household_grant",
            "household_status_change", "household_view", "journal_posting", "notice_appropriation",
            "notice_objection_view", "notice_view", "poor_village_view", "project_budget_line", "project_step",
            "project_view", "public_page", "public_page_pending", "skipped_work", "township_assessment_view");

    /**
     * Read-model tables that later migrations create (V15.1, the event history's index; V17, skipped work; V20, coverage
     * by village; V24, the pages noted for rendering): they do not
     * exist yet when this runs, and start empty with their processor's token absent, so they are built from the events
     * anyway.
     */
    static final List<String> CREATED_LATER = List.of("audit_event", "audit_subject", "skipped_work", "coverage_village",
            "public_page_pending");

    private final String countyCode;

    public V15__Fund_ids_with_county(Gazetteer gazetteer) {
        this.countyCode = gazetteer.county().code();
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        List<String> oldStreams = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet streams = statement.executeQuery(
                     "SELECT DISTINCT aggregate_identifier FROM domain_event_entry WHERE type = 'Fund'")) {
            while (streams.next()) {
                String stream = streams.getString(1);
                if (!FundId.withCounty(stream, countyCode).equals(stream)) {
                    oldStreams.add(stream);
                }
            }
        }
        if (oldStreams.isEmpty()) {
            return;
        }
        try (PreparedStatement rename = connection.prepareStatement(
                "UPDATE domain_event_entry SET aggregate_identifier = ? WHERE aggregate_identifier = ? AND type = 'Fund'")) {
            for (String stream : oldStreams) {
                rename.setString(1, FundId.withCounty(stream, countyCode));
                rename.setString(2, stream);
                rename.executeUpdate();
            }
        }
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM snapshot_event_entry WHERE type = 'Fund'");
            for (String table : READ_MODEL_TABLES) {
                if (CREATED_LATER.contains(table)) {
                    continue;
                }
                statement.executeUpdate("DELETE FROM " + table);
            }
        }
        try (PreparedStatement tokens = connection.prepareStatement("DELETE FROM token_entry WHERE processor_name = ?")) {
            for (String group : READ_MODEL_GROUPS) {
                tokens.setString(1, group);
                tokens.executeUpdate();
            }
        }
    }
}
