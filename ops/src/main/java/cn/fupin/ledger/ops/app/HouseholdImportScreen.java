package cn.fupin.ledger.ops.app;

import cn.fupin.ledger.shared.common.FieldProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The clerk's import of a household register file (the CSV the API's {@code POST /api/households/imports} takes): an
 * upload form, then a page that follows the import while it runs in the background ({@link HouseholdImports}) and
 * lists, when it is refused, every bad row with its line and reason in Chinese. The form's key makes a double click
 * one import; the same file sent again later changes nothing (the register records a household once).
 *
 * <p>The file is sent as {@code multipart/form-data}, which the ledger's container does not parse (see
 * {@link MultipartForm}): the body reaches this screen through {@code RequestBodyLimitFilter}, so its limit for
 * such bodies ({@code ledger.http.json-body-max}, 1 MB by default, some ten thousand households) applies; a larger
 * register goes in by township, or through the API (50 MB).
 */
@Controller
class HouseholdImportScreen {

    static final String PATH = "/app/households/imports";
    static final int REFRESH_SECONDS = 2;
    /** How long the upload waits for a small file's import before showing its page (a large one shows progress). */
    private static final long FIRST_WAIT_MILLIS = 3_000;

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    /** The cell names of the register's header, in Chinese for the list of bad rows. */
    private static final Map<String, String> COLUMNS = Map.ofEntries(Map.entry("cardNo", "户编号"),
            Map.entry("headName", "户主姓名"), Map.entry("idNumber", "身份证号"), Map.entry("villageCode", "村代码"),
            Map.entry("members", "家庭人口"), Map.entry("migrant", "是否移民户"), Map.entry("bankCard", "银行卡号"),
            Map.entry("relatedCadres", "关联干部"), Map.entry("header", "表头"), Map.entry("file", "文件"),
            Map.entry("row", "整行"));
    private static final Map<String, String> PROBLEMS =
            Refusals.load("classpath:app/households/import-problems.properties");

    private final HouseholdImports imports;

    HouseholdImportScreen(HouseholdImports imports) {
        this.imports = imports;
    }

    /** The encodings a register file may be saved in. */
    enum Encoding {
        UTF_8(StandardCharsets.UTF_8, "UTF-8（默认）"),
        GBK(Charset.forName("GBK"), "GBK（Excel 或 WPS 另存的中文 CSV）");

        final Charset charset;
        final String chineseName;

        Encoding(Charset charset, String chineseName) {
            this.charset = charset;
            this.chineseName = chineseName;
        }

        public String chineseName() {
            return chineseName;
        }
    }

    @GetMapping(PATH)
    String form(HttpSession session, Model model) {
        return page(Encoding.UTF_8.name(), FormKeys.of(session).issue(), Map.of(), null, model);
    }

    @PostMapping(PATH)
    String upload(HttpServletRequest request, HttpSession session, Principal principal, Model model,
                  RedirectAttributes redirect, HttpServletResponse response) throws IOException {
        MultipartForm form = MultipartForm.parse(request.getContentType(), request.getInputStream().readAllBytes());
        if (form == null) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(Encoding.UTF_8.name(), FormKeys.of(session).issue(), Map.of(),
                    "没有收到文件：请用本页的表单选择文件后上传。", model);
        }
        String encodingName = form.field("encoding");
        Map<String, String> errors = new LinkedHashMap<>();
        Encoding encoding = encoding(encodingName, errors);
        MultipartForm.File file = form.file("register");
        if (file == null || file.name().isBlank()) {
            errors.put("register", "请选择名册文件（CSV）");
        } else if (file.content().length == 0) {
            errors.put("register", "所选文件是空的");
        }
        String key = form.field("key");
        if (!errors.isEmpty()) {
            return page(encodingName, key, errors, null, model);
        }
        try {
            String jobId = FormKeys.of(session).once(key,
                    () -> imports.start(principal.getName(), file.content(), encoding.charset, file.name()).id());
            imports.awaitEnd(jobId, FIRST_WAIT_MILLIS);
            redirect.addAttribute("id", jobId);
            return "redirect:" + PATH + "/{id}";
        } catch (FormKeys.UnknownKey e) {
            return page(encodingName, FormKeys.of(session).issue(), Map.of(),
                    "这份表单已过期（或不是本次登录打开的），请重新选择文件后提交。", model);
        }
    }

    @GetMapping(PATH + "/{id}")
    String progress(@PathVariable("id") String id, Principal principal, Model model, HttpServletResponse response) {
        Optional<HouseholdImports.Job> found = imports.find(id, principal.getName());
        if (found.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("job", null);
            return "app/household-import";
        }
        HouseholdImports.Job job = found.get();
        if (job.running()) {
            // The browser asks again by itself (the Refresh header every browser honours, no script needed) until the
            // import has come to an end.
            response.setHeader("Refresh", Integer.toString(REFRESH_SECONDS));
        }
        model.addAttribute("job", job);
        model.addAttribute("stage", stageName(job.stage()));
        model.addAttribute("receivedAt", TIME.format(job.receivedAt().atZone(CHINA)));
        model.addAttribute("general", job.refusalCode() == null ? null : Refusals.chinese(job.refusalCode()));
        model.addAttribute("problems", job.problems().stream().map(HouseholdImportScreen::row).toList());
        return "app/household-import";
    }

    private String page(String encoding, String key, Map<String, String> errors, String general, Model model) {
        model.addAttribute("encoding", encoding == null ? Encoding.UTF_8.name() : encoding);
        model.addAttribute("encodings", Encoding.values());
        model.addAttribute("key", key);
        model.addAttribute("errors", errors);
        model.addAttribute("general", general);
        return "app/household-upload";
    }

    private static Map<String, String> row(FieldProblem problem) {
        String text = PROBLEMS.get(problem.code());
        return Map.of("line", problem.line() > 0 ? Integer.toString(problem.line()) : "—",
                "column", COLUMNS.getOrDefault(problem.field(), problem.field() == null ? "" : problem.field()),
                "reason", text != null ? text : "不符合名册的要求（" + problem.code() + "）");
    }

    private static String stageName(HouseholdImports.Stage stage) {
        return switch (stage) {
            case QUEUED -> "已收到，排队等待导入";
            case RECORDING -> "正在逐行核对并记录";
            case DONE -> "导入完成";
            case REFUSED -> "没有导入：文件中有错误，什么也没有记录";
            case FAILED -> "导入中断，什么也没有记录；请稍后重新上传";
        };
    }

    private static Encoding encoding(String text, Map<String, String> errors) {
        for (Encoding encoding : Encoding.values()) {
            if (encoding.name().equals(text)) {
                return encoding;
            }
        }
        errors.put("encoding", "请选择文件的编码");
        return Encoding.UTF_8;
    }
}
