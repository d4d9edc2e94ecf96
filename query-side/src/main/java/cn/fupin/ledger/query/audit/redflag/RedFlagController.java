package cn.fupin.ledger.query.audit.redflag;

import cn.fupin.ledger.shared.common.Actor;
import cn.fupin.ledger.shared.common.Refusal;
import cn.fupin.ledger.shared.redflag.ReviewRedFlagCommand;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Red flags for auditors: {@code GET /api/audit/red-flags} (filters {@code rule}, {@code subject},
 * {@code reviewed=true|false}; JSON, or CSV of the same rows with {@code Accept: text/csv}) and
 * {@code POST /api/audit/red-flags/{id}/reviews} with {@code {"reason": …}}. A finding's id holds slashes
 * ({@code IDLE_FUNDS/FUND-510824-2015-COUNTY/730}), written as they are in the path: the review path is everything
 * between {@code /api/audit/red-flags/} and {@code /reviews}.
 */
@RestController
class RedFlagController {

    private static final String REVIEWS = "/reviews";

    private final RedFlagEngine engine;
    private final CommandGateway commands;

    RedFlagController(RedFlagEngine engine, CommandGateway commands) {
        this.engine = engine;
        this.commands = commands;
    }

    /** What a review asks: the reason. */
    record ReviewRequest(String reason) {
    }

    @GetMapping("/api/audit/red-flags")
    ResponseEntity<?> redFlags(@RequestParam(required = false) String rule,
                               @RequestParam(required = false) String subject,
                               @RequestParam(required = false) String reviewed,
                               @RequestHeader(value = "Accept", required = false) String accept) {
        Boolean wantReviewed = reviewed(reviewed);
        List<FindingView> findings = engine.findings().stream()
                .filter(f -> rule == null || rule.isBlank() || f.rule().equals(rule.strip()))
                .filter(f -> subject == null || subject.isBlank() || f.subject().equals(subject.strip()))
                .filter(f -> wantReviewed == null || (f.reviewed() != null) == wantReviewed)
                .toList();
        if (accept != null && MediaType.parseMediaTypes(accept).stream()
                .anyMatch(type -> type.isCompatibleWith(RedFlagCsv.TEXT_CSV) && !type.isWildcardType())) {
            return ResponseEntity.ok().contentType(RedFlagCsv.TEXT_CSV).body(RedFlagCsv.of(findings));
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        engine.ruleCodes().forEach(code -> counts.put(code, 0));
        findings.forEach(finding -> counts.merge(finding.rule(), 1, Integer::sum));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(new RedFlagsView(counts, findings));
    }

    @PostMapping("/api/audit/red-flags/{*path}")
    FindingView review(@PathVariable String path, @RequestBody(required = false) ReviewRequest request) {
        if (!path.endsWith(REVIEWS) || path.length() <= REVIEWS.length() + 1) {
            throw notFound();
        }
        String id = path.substring(1, path.length() - REVIEWS.length());
        FindingView finding = engine.find(id).orElseThrow(RedFlagController::notFound);
        commands.sendAndWait(new ReviewRedFlagCommand(finding.id(), finding.rule(), finding.subject(),
                request == null ? null : request.reason(), actor()));
        return engine.find(id).orElse(finding);
    }

    private static Boolean reviewed(String reviewed) {
        if (reviewed == null || reviewed.isBlank()) {
            return null;
        }
        return switch (reviewed.strip()) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw Refusal.invalidField("INVALID_REVIEWED", "reviewed", "reviewed is true or false");
        };
    }

    private static Actor actor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return Actor.acting(authentication.getName(), authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).toList());
    }

    private static Refusal notFound() {
        return Refusal.notFound("FINDING_NOT_FOUND", "no red-flag finding with this id holds now");
    }
}
