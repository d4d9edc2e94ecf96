package cn.fupin.ledger.disclosure.page;

import cn.fupin.ledger.shared.competition.CompetitionStatus;
import cn.fupin.ledger.shared.competition.CompetitionView;
import cn.fupin.ledger.shared.competition.Criterion;
import cn.fupin.ledger.shared.competition.RankedProposal;
import cn.fupin.ledger.shared.competition.RankingLineView;
import cn.fupin.ledger.shared.disbursement.DisbursementStatus;
import cn.fupin.ledger.shared.disbursement.DisbursementView;
import cn.fupin.ledger.shared.disbursement.GrantCoverageView;
import cn.fupin.ledger.shared.disbursement.PayeeKind;
import cn.fupin.ledger.shared.disclosure.NoticeContent;
import cn.fupin.ledger.shared.disclosure.NoticeJson;
import cn.fupin.ledger.shared.disclosure.NoticeKind;
import cn.fupin.ledger.shared.disclosure.NoticeLevel;
import cn.fupin.ledger.shared.disclosure.NoticeSummaryView;
import cn.fupin.ledger.shared.disclosure.NoticeView;
import cn.fupin.ledger.shared.disclosure.OpenNoticeView;
import cn.fupin.ledger.shared.fund.AppropriationView;
import cn.fupin.ledger.shared.fund.CountyFloorView;
import cn.fupin.ledger.shared.fund.FundSource;
import cn.fupin.ledger.shared.fund.FundView;
import cn.fupin.ledger.shared.money.Money;
import cn.fupin.ledger.shared.place.Place;
import cn.fupin.ledger.shared.place.TownshipView;
import cn.fupin.ledger.shared.project.BudgetLine;
import cn.fupin.ledger.shared.project.ProjectStatus;
import cn.fupin.ledger.shared.project.ProjectSummaryView;
import cn.fupin.ledger.shared.project.ProjectView;
import cn.fupin.ledger.shared.workarea.Beneficiary;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Fixed data for the page tests: 苍溪县, its townships 白桥镇 and 云峰镇, the poor village 宝珠村 of 白桥镇, the money,
 * rounds, projects, grants and notices of fiscal year 2094. Fixed ids and instants, so that the golden files are
 * stable; every household name is already masked, as the query side hands it over.
 */
final class Fixtures {

    static final Place COUNTY = new Place("510824", "苍溪县", "5108", Place.Level.COUNTY);
    static final Place BAIQIAO = new Place("510824105", "白桥镇", "510824", Place.Level.TOWNSHIP);
    static final Place BAOZHU = new Place("510824105203", "宝珠村村民委员会", "510824105", Place.Level.VILLAGE);

    static final TownshipView.VillageView BAOZHU_VIEW =
            new TownshipView.VillageView(BAOZHU.code(), BAOZHU.name(), true, List.of(2094));
    static final TownshipView BAIQIAO_VIEW = new TownshipView(BAIQIAO.code(), BAIQIAO.name(), List.of(
            new TownshipView.VillageView("510824105001", "马桑社区居民委员会", false, List.of()),
            BAOZHU_VIEW,
            new TownshipView.VillageView("510824105204", "同心村村民委员会", false, List.of())));
    static final TownshipView YUNFENG_VIEW = new TownshipView("510824102", "云峰镇", List.of(
            new TownshipView.VillageView("510824102001", "烟峰楼社区居民委员会", false, List.of()),
            new TownshipView.VillageView("510824102204", "陈石村村民委员会", true, List.of(2093, 2094))));

    private Fixtures() {
    }

    static Instant at(String instant) {
        return Instant.parse(instant);
    }

    static long yuan(long yuan) {
        return yuan * 100;
    }

    static List<AppropriationView> appropriations() {
        return List.of(
                new AppropriationView("APP-2093-1", "FUND-510824-2093-COUNTY", 2093, FundSource.COUNTY, yuan(11_000_000),
                        "苍财农〔2093〕5号", "年初预算", at("2093-02-20T02:00:00Z")),
                new AppropriationView("APP-2094-1", "FUND-510824-2094-CENTRAL", 2094, FundSource.CENTRAL, yuan(5_000_000),
                        "川财农〔2094〕21号", null, at("2094-02-10T02:00:00Z")),
                new AppropriationView("APP-2094-2", "FUND-510824-2094-COUNTY", 2094, FundSource.COUNTY, yuan(8_000_000),
                        "苍财农〔2094〕3号", null, at("2094-02-11T03:30:00Z")),
                new AppropriationView("APP-2094-3", "FUND-510824-2094-COUNTY", 2094, FundSource.COUNTY, yuan(4_500_000),
                        "苍财农〔2094〕17号", null, at("2094-06-01T01:00:00Z")),
                new AppropriationView("APP-2094-4", "FUND-510824-2094-INTEGRATED_AGRICULTURE", 2094,
                        FundSource.INTEGRATED_AGRICULTURE, 234_567_891L, "苍财农〔2094〕25号", null,
                        at("2094-03-05T06:00:00Z")));
    }

    static List<CountyFloorView> floors() {
        return List.of(
                new CountyFloorView(2093, yuan(11_000_000), Money.COUNTY_FLOOR_FEN, false),
                new CountyFloorView(2094, yuan(12_500_000), Money.COUNTY_FLOOR_FEN, true));
    }

    static ProjectView project(String id, String name, String workArea, String workAreaName, Beneficiary beneficiary,
                               List<BudgetLine> budget, long paidFen, ProjectStatus status, String approvalDocNo) {
        long total = budget.stream().mapToLong(BudgetLine::amountFen).sum();
        return new ProjectView(id, name, workArea, workAreaName, BAOZHU.code(), BAOZHU.name(), BAIQIAO.code(),
                BAIQIAO.name(), beneficiary, budget, total, status == ProjectStatus.ACCEPTED ? 0 : total - paidFen, 0,
                paidFen, "宝珠村村民委员会", "白桥镇人民政府", LocalDate.of(2094, 4, 1), LocalDate.of(2094, 11, 30), 110, 275,
                "新建猕猴桃园200亩，配套生产便道1.2公里", "贫困户以土地入股、园区务工增收，每户年增收2,000元以上",
                "每亩补助2,000.00元", "王德春", "0839-5222000", "2094年3月12日村民代表大会议定", status,
                "C-2094-1", approvalDocNo, "clerk", approvalDocNo == null ? null : "approver", List.of());
    }

    static List<ProjectView> projects() {
        return List.of(
                project("PRJ-2094-0001", "宝珠村猕猴桃产业园", "INDUSTRY", "特色产业", Beneficiary.HOUSEHOLDS,
                        List.of(new BudgetLine("FUND-510824-2094-CENTRAL", yuan(400_000)),
                                new BudgetLine("FUND-510824-2094-COUNTY", yuan(100_000))),
                        yuan(120_000), ProjectStatus.IMPLEMENTING, "苍扶贫〔2094〕9号"),
                project("PRJ-2094-0003", "宝珠村组道路硬化", "ROADS", "村道路", Beneficiary.VILLAGE,
                        List.of(new BudgetLine("FUND-510824-2094-INTEGRATED_AGRICULTURE", yuan(800_000))),
                        0, ProjectStatus.APPROVED, "苍扶贫〔2094〕12号"),
                project("PRJ-2094-0004", "尚未批复的申报项目", "WATER", "农田水利和饮水", Beneficiary.VILLAGE,
                        List.of(new BudgetLine("FUND-510824-2094-COUNTY", yuan(50_000))),
                        0, ProjectStatus.PROPOSED, null),
                project("PRJ-2094-0005", "宝珠村光伏电站", "ENERGY", "农村能源", Beneficiary.VILLAGE,
                        List.of(new BudgetLine("FUND-510824-2094-COUNTY", yuan(300_000))),
                        0, ProjectStatus.CANCELLED, "苍扶贫〔2094〕15号"));
    }

    static List<CompetitionView> competitions() {
        CompetitionView closed = new CompetitionView("C-2094-1", "2094年度产业扶贫竞争立项", 2094, "FUND-510824-2094-CENTRAL",
                yuan(600_000), List.of(new Criterion(Criterion.TOWNSHIP_ASSESSMENT, 40), new Criterion("项目质量", 60)),
                at("2094-03-31T16:00:00Z"), CompetitionStatus.CLOSED, "clerk",
                List.of(new CompetitionView.ProposalView("PRJ-2094-0001", "宝珠村猕猴桃产业园", BAIQIAO.code(),
                                BAOZHU.code(), yuan(400_000), at("2094-03-20T02:00:00Z"), "township", 3, false),
                        new CompetitionView.ProposalView("PRJ-2094-0002", "烟峰楼社区茶叶基地", "510824102",
                                "510824102001", yuan(300_000), at("2094-03-21T02:00:00Z"), "township", 3, false)),
                List.of(new RankingLineView(1, "PRJ-2094-0001", BAIQIAO.code(), yuan(400_000), at("2094-03-20T02:00:00Z"),
                                new BigDecimal("88.5000"), 885_000,
                                List.of(new RankingLineView.CriterionScoreView(Criterion.TOWNSHIP_ASSESSMENT,
                                                new BigDecimal("90.00"), 0),
                                        new RankingLineView.CriterionScoreView("项目质量", new BigDecimal("87.50"), 3)),
                                RankedProposal.Outcome.AWARDED, yuan(400_000)),
                        new RankingLineView(2, "PRJ-2094-0002", "510824102", yuan(300_000), at("2094-03-21T02:00:00Z"),
                                new BigDecimal("80.1234"), 801_234,
                                List.of(new RankingLineView.CriterionScoreView(Criterion.TOWNSHIP_ASSESSMENT,
                                                new BigDecimal("78.00"), 0),
                                        new RankingLineView.CriterionScoreView("项目质量", new BigDecimal("81.54"), 3)),
                                RankedProposal.Outcome.DOES_NOT_FIT, 0)),
                yuan(400_000), yuan(200_000), "approver", at("2094-04-02T01:00:00Z"));
        CompetitionView open = new CompetitionView("C-2094-2", "2094年度基础设施竞争立项", 2094, "FUND-510824-2094-COUNTY",
                yuan(1_000_000), List.of(new Criterion(Criterion.TOWNSHIP_ASSESSMENT, 50), new Criterion("可行性", 50)),
                at("2094-09-30T16:00:00Z"), CompetitionStatus.OPEN, "clerk",
                List.of(new CompetitionView.ProposalView("PRJ-2094-0006", "同心村饮水工程", BAIQIAO.code(),
                        "510824105204", yuan(200_000), at("2094-08-20T02:00:00Z"), "township", 0, false)),
                List.of(), 0, yuan(1_000_000), null, null);
        return List.of(open, closed);
    }

    static List<GrantCoverageView> townshipCoverage() {
        return List.of(
                new GrantCoverageView("TOWNSHIP", "510824102", "云峰镇", 0, 0, 0),
                new GrantCoverageView("TOWNSHIP", BAIQIAO.code(), BAIQIAO.name(), 412, 287, yuan(861_000)));
    }

    static List<GrantCoverageView> villageCoverage() {
        return List.of(
                new GrantCoverageView("VILLAGE", "510824105001", "马桑社区居民委员会", 3, 0, 0),
                new GrantCoverageView("VILLAGE", BAOZHU.code(), BAOZHU.name(), 19, 2, yuan(6_500)));
    }

    static DisbursementView disbursement(String id, String projectId, PayeeKind kind, String cardNo, String name,
                                         long fen, DisbursementStatus status, String requestedAt) {
        return new DisbursementView(id, projectId, kind, BAOZHU.code(), BAIQIAO.code(), cardNo, name, fen,
                List.of(new BudgetLine("FUND-510824-2094-CENTRAL", fen)), "苍扶贫付〔2094〕" + id.substring(4) + "号", null,
                status, "clerk", at(requestedAt), status == DisbursementStatus.REQUESTED ? null : "approver",
                status == DisbursementStatus.REQUESTED ? null : at(requestedAt).plusSeconds(86_400),
                status == DisbursementStatus.REVERSED ? "户主银行账户有误" : null,
                status == DisbursementStatus.REVERSED ? "approver" : null,
                status == DisbursementStatus.REVERSED ? at(requestedAt).plusSeconds(172_800) : null);
    }

    static List<DisbursementView> disbursements() {
        return List.of(
                disbursement("DSB-0003", "PRJ-2094-0001", PayeeKind.HOUSEHOLD, "T-0003", "李*", yuan(3_000),
                        DisbursementStatus.REVERSED, "2094-05-02T02:00:00Z"),
                disbursement("DSB-0001", "PRJ-2094-0001", PayeeKind.HOUSEHOLD, "T-0001", "王*春", yuan(3_000),
                        DisbursementStatus.APPROVED, "2094-05-01T02:00:00Z"),
                disbursement("DSB-0002", "PRJ-2094-0001", PayeeKind.HOUSEHOLD, "T-0002", "欧**明", yuan(3_500),
                        DisbursementStatus.APPROVED, "2094-05-01T02:00:00Z"),
                disbursement("DSB-0004", "PRJ-2094-0007", PayeeKind.HOUSEHOLD, "T-0004", "向*清", yuan(3_000),
                        DisbursementStatus.REQUESTED, "2094-06-15T02:00:00Z"),
                disbursement("DSB-0005", "PRJ-2094-0003", PayeeKind.VILLAGE, null, null, yuan(120_000),
                        DisbursementStatus.APPROVED, "2094-06-01T02:00:00Z"));
    }

    static Map<String, String> projectNames() {
        return Map.of("PRJ-2094-0001", "宝珠村猕猴桃产业园", "PRJ-2094-0003", "宝珠村组道路硬化",
                "PRJ-2094-0007", "同心村到户养殖");
    }

    // ---- notices: one of each kind ----

    static NoticeContent content(String id, NoticeKind kind, NoticeLevel level, Place place, String title, String body,
                                 List<NoticeContent.Field> fields, List<String> columns, List<NoticeContent.Row> rows,
                                 String supersedes, String correctionReason) {
        return new NoticeContent(id, kind, level, place.code(), place.name(), title, body, fields, columns, rows,
                LocalDate.of(2094, 5, 6), LocalDate.of(2094, 5, 16), supersedes, correctionReason, "0839-5222000",
                NoticeContent.HOTLINE);
    }

    static NoticeView view(NoticeContent content, String publishedAt, String supersededBy, int late,
                           List<NoticeView.ObjectionOutcome> objections) {
        byte[] published = NoticeJson.render(content);
        return new NoticeView(content, new String(published, StandardCharsets.UTF_8), NoticeJson.sha256(published),
                content.kind().chineseName(), content.level().chineseName(), at(publishedAt),
                at("2094-05-16T16:00:00Z"), supersededBy, late, objections);
    }

    static NoticeView fundAllocation() {
        return view(content("N-2094-0001", NoticeKind.FUND_ALLOCATION, NoticeLevel.COUNTY, COUNTY,
                "苍溪县2094年度财政专项扶贫资金分配公告",
                "根据川财农〔2094〕21号文件，现将2094年度中央财政专项扶贫资金分配结果公告如下。\n公告期内如有异议，请向县扶贫和移民工作局反映。",
                List.of(new NoticeContent.Field("资金来源", "中央财政专项扶贫资金"),
                        new NoticeContent.Field("文号", "川财农〔2094〕21号"),
                        new NoticeContent.Field("金额", "500.00万元")),
                List.of("项目", "乡镇", "村", "安排金额"),
                List.of(new NoticeContent.Row("PRJ-2094-0001", List.of("宝珠村猕猴桃产业园", "白桥镇", "宝珠村", "400,000.00元"))),
                null, null), "2094-03-20T02:00:00Z", null, 3, List.of());
    }

    static NoticeView roundResult() {
        return view(content("N-2094-0002", NoticeKind.ROUND_RESULT, NoticeLevel.COUNTY, COUNTY,
                "2094年度产业扶贫竞争立项结果公示", "经专家评审，现将竞争立项结果公示如下。",
                List.of(new NoticeContent.Field("竞争资金", "600,000.00元")),
                List.of("名次", "项目", "乡镇", "综合得分", "安排金额"),
                List.of(new NoticeContent.Row("PRJ-2094-0001", List.of("1", "宝珠村猕猴桃产业园", "白桥镇", "88.5000", "400,000.00元")),
                        new NoticeContent.Row("PRJ-2094-0002", List.of("2", "烟峰楼社区茶叶基地", "云峰镇", "80.1234", "0.00元"))),
                null, null), "2094-04-03T02:00:00Z", null, 0, List.of());
    }

    static NoticeView projectPlan() {
        return view(content("N-2094-0101", NoticeKind.PROJECT_PLAN, NoticeLevel.VILLAGE, BAOZHU,
                "宝珠村猕猴桃产业园项目计划公示", "现将本村2094年度扶贫项目计划公示如下，欢迎群众监督。",
                List.of(new NoticeContent.Field("项目地点", "白桥镇宝珠村"),
                        new NoticeContent.Field("建设内容", "新建猕猴桃园200亩，配套生产便道1.2公里"),
                        new NoticeContent.Field("补助标准", "每亩补助2,000.00元"),
                        new NoticeContent.Field("资金来源及金额", "中央财政专项扶贫资金400,000.00元；县本级财政扶贫资金100,000.00元"),
                        new NoticeContent.Field("建设期限", "2094年4月1日至2094年11月30日"),
                        new NoticeContent.Field("实施主体及负责人", "宝珠村村民委员会 王德春"),
                        new NoticeContent.Field("绩效目标", "带动贫困户110户275人"),
                        new NoticeContent.Field("带贫减贫机制", "贫困户以土地入股、园区务工增收")),
                List.of(), List.of(), null, null), "2094-04-05T02:00:00Z", null, 0,
                List.of(new NoticeView.ObjectionOutcome("OBJ-0001", "PRJ-2094-0001", at("2094-04-07T03:00:00Z"),
                        "DISMISSED", "经核实，项目选址经村民代表大会议定，异议不成立。", at("2094-04-09T08:00:00Z"))));
    }

    static NoticeView projectList() {
        return view(content("N-2094-0003", NoticeKind.PROJECT_LIST, NoticeLevel.COUNTY, COUNTY,
                "县级扶贫项目计划公告：宝珠村猕猴桃产业园", "经苍扶贫〔2094〕21号批复，下列扶贫项目已经立项，现予公告。",
                List.of(new NoticeContent.Field("批复文号", "苍扶贫〔2094〕21号"),
                        new NoticeContent.Field(NoticeContent.DETAIL_COLUMN, "NTC-2094-0101（白桥镇宝珠村）")),
                List.of("乡镇", "村", "项目名称", "项目总投资", NoticeContent.DETAIL_COLUMN),
                List.of(new NoticeContent.Row("PRJ-2094-0001", List.of("白桥镇", "宝珠村", "宝珠村猕猴桃产业园",
                        "50.00万元", "NTC-2094-0101"))),
                null, null), "2094-05-06T02:00:00Z", null, 0, List.of());
    }

    static NoticeView grantList() {
        return view(content("N-2094-0102", NoticeKind.GRANT_LIST, NoticeLevel.VILLAGE, BAOZHU,
                "宝珠村到户增收项目启动资金公示", "以下农户拟安排到户增收项目启动资金，公示期满无异议后拨付。",
                List.of(new NoticeContent.Field("项目", "宝珠村猕猴桃产业园")),
                List.of("户主", "金额", "备注"),
                List.of(new NoticeContent.Row("DSB-0001", List.of("王*春", "3,000.00元", "")),
                        new NoticeContent.Row("DSB-0002", List.of("欧**明", "3,500.00元", "移民贫困户")),
                        new NoticeContent.Row("DSB-0003", List.of("李*", "3,000.00元", "=1+1"))),
                null, null), "2094-05-06T02:00:00Z", "N-2094-0103", 0,
                List.of(new NoticeView.ObjectionOutcome("OBJ-0002", "DSB-0003", at("2094-05-08T01:30:00Z"), "UPHELD",
                                "经核实，该户已于2093年脱贫退出，撤销该户，发布更正公告。", at("2094-05-10T07:00:00Z")),
                        new NoticeView.ObjectionOutcome("OBJ-0003", "DSB-0002", at("2094-05-09T01:30:00Z"), "PENDING",
                                null, null),
                        new NoticeView.ObjectionOutcome("OBJ-0004", "DSB-0002", at("2094-05-09T02:10:00Z"),
                                "DISMISSED", "内容相同。", at("2094-05-10T07:30:00Z"), "OBJ-0003")));
    }

    static NoticeView correction() {
        return view(content("N-2094-0103", NoticeKind.CORRECTION, NoticeLevel.VILLAGE, BAOZHU,
                "宝珠村到户增收项目启动资金更正公告", "经核实，更正如下，其余内容不变。",
                List.of(),
                List.of("户主", "金额", "备注"),
                List.of(new NoticeContent.Row("DSB-0001", List.of("王*春", "3,000.00元", "")),
                        new NoticeContent.Row("DSB-0002", List.of("欧**明", "3,500.00元", "移民贫困户"))),
                "N-2094-0102", "李*户已脱贫退出，不再安排"), "2094-05-11T02:00:00Z", null, 0, List.of());
    }

    static NoticeView completion() {
        return view(content("N-2094-0104", NoticeKind.COMPLETION, NoticeLevel.VILLAGE, BAOZHU,
                "宝珠村组道路硬化项目竣工验收公告", "本项目已完工并通过验收，现予公告。",
                List.of(new NoticeContent.Field("验收结论", "合格"),
                        new NoticeContent.Field("实际投资", "798,500.00元"),
                        new NoticeContent.Field("结余资金", "1,500.00元，已收回")),
                List.of(), List.of(), null, null), "2094-12-10T02:00:00Z", null, 0, List.of());
    }

    static List<NoticeView> allNotices() {
        return List.of(fundAllocation(), roundResult(), projectList(), projectPlan(), grantList(), correction(),
                completion());
    }

    static List<NoticeView> countyNotices() {
        return List.of(fundAllocation(), roundResult());
    }

    static List<NoticeView> villageNotices() {
        return List.of(projectPlan(), grantList(), correction(), completion());
    }

    /**
     * The moment of the ledger's clock the notice pages are rendered for: within the fixtures' period (6 to 16 May
     * 2094), so that a notice that lists items and is not superseded shows its objection form.
     */
    static final Instant AS_OF = Instant.parse("2094-05-10T04:00:00Z");

    /** A notice's page as the ledger serves it live, as of {@link #AS_OF}. */
    static NoticePage noticePage(NoticeView notice) {
        return NoticePage.live(pathOf(notice), notice, AS_OF);
    }

    /** The path of the page a notice belongs to. */
    static PlacePath pathOf(NoticeView notice) {
        return notice.content().level() == NoticeLevel.COUNTY ? PlacePath.county(COUNTY)
                : PlacePath.village(COUNTY, BAIQIAO, BAOZHU);
    }

    /** The funds the appropriations went to, each with what was appropriated to it. */
    static List<FundView> funds() {
        Map<String, FundView> funds = new TreeMap<>();
        for (AppropriationView line : appropriations()) {
            funds.merge(line.fundId(), new FundView(line.fundId(), line.fiscalYear(), line.source(), line.amountFen(), 0, 0,
                    line.amountFen()), (a, b) -> new FundView(a.fundId(), a.fiscalYear(), a.source(),
                    a.appropriatedFen() + b.appropriatedFen(), 0, 0, a.availableFen() + b.availableFen()));
        }
        return List.copyOf(funds.values());
    }

    /** The county page of 2094: two years of funds, 2094 in detail, the county's two notices. */
    static CountyPage countyPage() {
        return new CountyPage(PlacePath.county(COUNTY), List.of(YUNFENG_VIEW, BAIQIAO_VIEW), List.of(2094, 2093),
                funds(), floors(), 2094, appropriationsOf(2094), competitions(), summaries(projects()), townshipCoverage(),
                countyNotices(), false, openNotices(), false);
    }

    /** The notices open for objection on the county page (公示中): the village's grant list and its project's plan. */
    static List<OpenNoticeView> openNotices() {
        return List.of(open(grantList()), open(projectPlan()));
    }

    /** A notice as the list of notices open for objection shows it. */
    static OpenNoticeView open(NoticeView notice) {
        NoticeContent content = notice.content();
        return new OpenNoticeView(content.noticeId(), content.title(), notice.kindName(), content.level(),
                content.placeCode(), notice.publishedAt(), content.periodEnd());
    }

    /** The county page when the county has more notices than it lists (the rest on the pages of their years). */
    static CountyPage countyPageWithOlderNotices() {
        CountyPage page = countyPage();
        return new CountyPage(page.path(), page.townships(), page.years(), page.funds(), page.countyFloors(),
                page.currentYear(), page.appropriations(), page.competitions(), page.projects(),
                page.townshipCoverage(), page.notices(), true, page.openNotices(), page.moreOpen());
    }

    /** The county's page of 2093: its one appropriation and floor, no round, no project, no notice. */
    static CountyYearPage countyYearPage2093() {
        return new CountyYearPage(PlacePath.county(COUNTY), 2093, List.of(2094, 2093), List.of(YUNFENG_VIEW, BAIQIAO_VIEW),
                appropriationsOf(2093), floors().get(0), List.of(), List.of(), List.of());
    }

    /** The county's page of 2094: everything of the fixtures' year. */
    static CountyYearPage countyYearPage2094() {
        return new CountyYearPage(PlacePath.county(COUNTY), 2094, List.of(2094, 2093), List.of(YUNFENG_VIEW, BAIQIAO_VIEW),
                appropriationsOf(2094), floors().get(1), competitions(), summaries(projects()), countyNotices());
    }

    static List<AppropriationView> appropriationsOf(int year) {
        return appropriations().stream().filter(line -> line.fiscalYear() == year).toList();
    }

    /**
     * A project as the township and village pages read it: without its steps, with its payments counted. The fixtures'
     * one project that paid anything paid it in three payments.
     */
    static ProjectSummaryView summary(ProjectView project) {
        return summary(project, project.paidFen() == 0 ? 0 : 3);
    }

    static ProjectSummaryView summary(ProjectView p, long paidPayments) {
        return new ProjectSummaryView(p.projectId(), p.name(), p.workAreaName(), p.villageCode(), p.villageName(),
                p.townshipCode(), p.townshipName(), p.beneficiary(), p.budget(), p.budgetTotalFen(), p.paidFen(),
                paidPayments, p.implementer(), p.supervisor(), p.startDate(), p.endDate(), p.expectedHouseholds(),
                p.expectedPeople(), p.description(), p.benefitMechanism(), p.subsidyStandard(), p.personInCharge(),
                p.supervisionPhone(), p.villagersMeeting(), p.status(), p.approvalDocNo());
    }

    static List<ProjectSummaryView> summaries(List<ProjectView> projects) {
        return projects.stream().map(Fixtures::summary).toList();
    }

    static List<NoticeSummaryView> noticeSummaries(List<NoticeView> notices) {
        return notices.stream().map(NoticeSummaryView::of).toList();
    }

    static TownshipPage townshipPage() {
        return new TownshipPage(PlacePath.township(COUNTY, BAIQIAO), BAIQIAO_VIEW, summaries(projects()),
                villageCoverage(), List.of(), false, List.of());
    }

    /** The village page of 2094: its projects, the year's payments and grants, its four notices. */
    static VillagePage villagePage() {
        return new VillagePage(PlacePath.village(COUNTY, BAIQIAO, BAOZHU), BAOZHU_VIEW, summaries(projects()), 2094,
                disbursements(), projectNames(), villageCoverage().get(1), noticeSummaries(villageNotices()), false,
                List.of(2094));
    }

    /** The village's page of 2094: its four notices, the year's payments and grants. */
    static PlaceYearPage villageYearPage2094() {
        return new PlaceYearPage(PlacePath.village(COUNTY, BAIQIAO, BAOZHU), 2094, List.of(2094),
                noticeSummaries(villageNotices()), disbursements(), projectNames());
    }
}
