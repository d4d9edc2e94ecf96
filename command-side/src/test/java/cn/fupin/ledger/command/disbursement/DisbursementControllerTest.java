package cn.fupin.ledger.command.disbursement;

import cn.fupin.ledger.command.common.CangxiIds;
import cn.fupin.ledger.shared.common.Actor;
import cn.fupin.ledger.shared.common.Refusal;
import cn.fupin.ledger.shared.common.RefusalKind;
import cn.fupin.ledger.shared.disbursement.ApproveDisbursementCommand;
import cn.fupin.ledger.shared.disbursement.DisbursementId;
import cn.fupin.ledger.shared.disbursement.RejectDisbursementCommand;
import cn.fupin.ledger.shared.disbursement.RequestDisbursementCommand;
import cn.fupin.ledger.shared.disbursement.ReverseDisbursementCommand;
import cn.fupin.ledger.shared.project.ProjectId;
import jakarta.servlet.ServletException;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The payment endpoints on a web slice: how a request becomes a command (the rules are the handlers', tested with
 * them). Refusals thrown here reach the test as the request's failure, since the problem+json mapping lives in ops.
 */
@WebMvcTest
class DisbursementControllerTest {

    static final Actor APPROVER = Actor.of("approver", "APPROVER");

    @SpringBootConfiguration
    @Import({DisbursementController.class, CangxiIds.class})
    static class Web {
    }

    @Autowired
    MockMvc mvc;

    @MockitoBean
    CommandGateway commands;

    @BeforeEach
    void loggedIn() {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "approver", null, List.of(new SimpleGrantedAuthority("ROLE_APPROVER"))));
    }

    @AfterEach
    void loggedOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aRequestBecomesACommandUnderANewDisbursementIdAndAnswersRequested() throws Exception {
        mvc.perform(post("/api/disbursements").contentType(MediaType.APPLICATION_JSON).content("""
                        {"projectId": "PRJ-2016-0002", "cardNo": "HK-510824100001-0001", "amountFen": 300000,
                         "voucherNo": "苍扶拨〔2016〕1号"}
                        """))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.disbursementId").value(org.hamcrest.Matchers.matchesPattern("DSB-510824-[0-9a-f-]{36}")))
                .andExpect(jsonPath("$.status").value("REQUESTED"));

        ArgumentCaptor<RequestDisbursementCommand> sent = ArgumentCaptor.forClass(RequestDisbursementCommand.class);
        verify(commands).sendAndWait(sent.capture());
        RequestDisbursementCommand command = sent.getValue();
        assertThat(command.disbursementId().value()).matches("DSB-510824-[0-9a-f-]{36}");
        assertThat(command.projectId()).isEqualTo(new ProjectId("PRJ-2016-0002"));
        assertThat(command.villageCode()).isNull();
        assertThat(command.cardNo()).isEqualTo("HK-510824100001-0001");
        assertThat(command.amountFen()).isEqualTo(300_000L);
        assertThat(command.voucherNo()).isEqualTo("苍扶拨〔2016〕1号");
        assertThat(command.actor()).isEqualTo(APPROVER);
    }

    @Test
    void aMissingAmountIsLeftToTheHandlerAsZero() throws Exception {
        mvc.perform(post("/api/disbursements").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"projectId\": \"PRJ-2016-0001\", \"villageCode\": \"510824100001\"}"))
                .andExpect(status().isCreated());

        ArgumentCaptor<RequestDisbursementCommand> sent = ArgumentCaptor.forClass(RequestDisbursementCommand.class);
        verify(commands).sendAndWait(sent.capture());
        assertThat(sent.getValue().amountFen()).isZero();
        assertThat(sent.getValue().voucherNo()).isNull();
    }

    @Test
    void aRequestWithoutAProjectIsRefusedAsInvalid() {
        Refusal refusal = refusalOf(() -> mvc.perform(post("/api/disbursements")
                .contentType(MediaType.APPLICATION_JSON).content("{\"villageCode\": \"510824100001\"}")));

        assertThat(refusal.kind()).isEqualTo(RefusalKind.INVALID);
        assertThat(refusal.code()).isEqualTo("PROJECT_ID_REQUIRED");
        verifyNoInteractions(commands);
    }

    @Test
    void aRequestNamingNoProjectIdIsRefusedAsInvalid() {
        Refusal refusal = refusalOf(() -> mvc.perform(post("/api/disbursements")
                .contentType(MediaType.APPLICATION_JSON).content("{\"projectId\": \"道路\"}")));

        assertThat(refusal.kind()).isEqualTo(RefusalKind.INVALID);
        assertThat(refusal.code()).isEqualTo("PROJECT_ID_INVALID");
    }

    @Test
    void anApprovalTakesNoBody() throws Exception {
        mvc.perform(post("/api/disbursements/DSB-2016-0001/approve"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.disbursementId").value("DSB-2016-0001"))
                .andExpect(jsonPath("$.status").value("APPROVED"));

        verify(commands).sendAndWait(new ApproveDisbursementCommand(new DisbursementId("DSB-2016-0001"), APPROVER));
    }

    @Test
    void anApprovalTakesAnEmptyObjectToo() throws Exception {
        mvc.perform(post("/api/disbursements/DSB-2016-0001/approve").contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isOk());
    }

    @Test
    void aRejectionCarriesItsReason() throws Exception {
        mvc.perform(post("/api/disbursements/DSB-2016-0001/reject").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\": \"凭证不全\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REJECTED"));

        verify(commands).sendAndWait(new RejectDisbursementCommand(new DisbursementId("DSB-2016-0001"), "凭证不全",
                APPROVER));
    }

    @Test
    void aReversalWithoutABodyIsLeftToTheHandlerToRefuseForItsReason() throws Exception {
        mvc.perform(post("/api/disbursements/DSB-2016-0001/reverse"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REVERSED"));

        verify(commands).sendAndWait(new ReverseDisbursementCommand(new DisbursementId("DSB-2016-0001"), null,
                APPROVER));
    }

    @Test
    void aPathThatIsNoDisbursementIdNamesNoDisbursement() {
        Refusal refusal = refusalOf(() -> mvc.perform(post("/api/disbursements/PRJ-2016-0001/approve")));

        assertThat(refusal.kind()).isEqualTo(RefusalKind.NOT_FOUND);
        assertThat(refusal.code()).isEqualTo("DISBURSEMENT_NOT_FOUND");
        verifyNoInteractions(commands);
    }

    static Refusal refusalOf(org.assertj.core.api.ThrowableAssert.ThrowingCallable request) {
        ServletException failure = catchThrowableOfType(ServletException.class, request);
        assertThat(failure).isNotNull();
        assertThat(failure.getCause()).isInstanceOf(Refusal.class);
        return (Refusal) failure.getCause();
    }
}
