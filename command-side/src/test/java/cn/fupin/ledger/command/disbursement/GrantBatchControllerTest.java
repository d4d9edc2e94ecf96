package cn.fupin.ledger.command.disbursement;

import cn.fupin.ledger.command.common.CangxiIds;
import cn.fupin.ledger.shared.common.Actor;
import cn.fupin.ledger.shared.common.Refusal;
import cn.fupin.ledger.shared.common.RefusalKind;
import cn.fupin.ledger.shared.disbursement.ApproveGrantBatchCommand;
import cn.fupin.ledger.shared.disbursement.GrantBatchId;
import cn.fupin.ledger.shared.disbursement.GrantItem;
import cn.fupin.ledger.shared.disbursement.RejectGrantBatchCommand;
import cn.fupin.ledger.shared.disbursement.SubmitGrantBatchCommand;
import cn.fupin.ledger.shared.project.ProjectId;
import java.util.Arrays;
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

import static cn.fupin.ledger.command.disbursement.DisbursementControllerTest.refusalOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The grant batch endpoints on a web slice: how a request becomes a command and the handler's answer the reply. */
@WebMvcTest
class GrantBatchControllerTest {

    static final Actor CLERK = Actor.of("clerk", "CLERK");

    @SpringBootConfiguration
    @Import({GrantBatchController.class, CangxiIds.class})
    static class Web {
    }

    @Autowired
    MockMvc mvc;

    @MockitoBean
    CommandGateway commands;

    @BeforeEach
    void loggedIn() {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "clerk", null, List.of(new SimpleGrantedAuthority("ROLE_CLERK"))));
    }

    @AfterEach
    void loggedOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aBatchBecomesACommandUnderANewBatchIdAndAnswersItsItems() throws Exception {
        when(commands.sendAndWait(any(SubmitGrantBatchCommand.class)))
                .thenReturn(List.of("DSB-0001", "DSB-0002", "DSB-0003"));

        mvc.perform(post("/api/grants/batches").contentType(MediaType.APPLICATION_JSON).content("""
                        {"projectId": "PRJ-2016-0002", "voucherNo": "苍扶拨〔2016〕10号",
                         "items": [{"cardNo": "HK-0001", "amountFen": 300000}, {"cardNo": "HK-0002"}, null]}
                        """))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.batchId").value(org.hamcrest.Matchers.matchesPattern("GB-510824-[0-9a-f-]{36}")))
                .andExpect(jsonPath("$.disbursementIds[2]").value("DSB-0003"));

        ArgumentCaptor<SubmitGrantBatchCommand> sent = ArgumentCaptor.forClass(SubmitGrantBatchCommand.class);
        verify(commands).sendAndWait(sent.capture());
        SubmitGrantBatchCommand command = sent.getValue();
        assertThat(command.batchId().value()).matches("GB-510824-[0-9a-f-]{36}");
        assertThat(command.projectId()).isEqualTo(new ProjectId("PRJ-2016-0002"));
        assertThat(command.voucherNo()).isEqualTo("苍扶拨〔2016〕10号");
        assertThat(command.items()).isEqualTo(Arrays.asList(new GrantItem("HK-0001", 300_000L),
                new GrantItem("HK-0002", 0L), null));
        assertThat(command.actor()).isEqualTo(CLERK);
    }

    @Test
    void aBatchWithoutItemsIsLeftToTheHandlerToName() throws Exception {
        mvc.perform(post("/api/grants/batches").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"projectId\": \"PRJ-2016-0002\", \"voucherNo\": \"V-1\"}"))
                .andExpect(status().isCreated());

        ArgumentCaptor<SubmitGrantBatchCommand> sent = ArgumentCaptor.forClass(SubmitGrantBatchCommand.class);
        verify(commands).sendAndWait(sent.capture());
        assertThat(sent.getValue().items()).isNull();
    }

    @Test
    void anApprovalAnswersHowManyItemsItPaidAndHowMuch() throws Exception {
        when(commands.sendAndWait(any(ApproveGrantBatchCommand.class)))
                .thenReturn(new GrantBatchApprover.Approved("GB-2016-0001", 2, 600_000L));

        mvc.perform(post("/api/grants/batches/GB-2016-0001/approve"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.batchId").value("GB-2016-0001"))
                .andExpect(jsonPath("$.approved").value(2))
                .andExpect(jsonPath("$.totalFen").value(600_000));

        verify(commands).sendAndWait(new ApproveGrantBatchCommand(new GrantBatchId("GB-2016-0001"), CLERK));
    }

    @Test
    void aRejectionAnswersHowManyItemsItRejected() throws Exception {
        when(commands.sendAndWait(any(RejectGrantBatchCommand.class)))
                .thenReturn(new GrantBatchRejecter.Rejected("GB-2016-0001", 3));

        mvc.perform(post("/api/grants/batches/GB-2016-0001/reject").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\": \"名单未经公示\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.batchId").value("GB-2016-0001"))
                .andExpect(jsonPath("$.rejected").value(3));

        verify(commands).sendAndWait(new RejectGrantBatchCommand(new GrantBatchId("GB-2016-0001"), "名单未经公示",
                CLERK));
    }

    @Test
    void aPathThatIsNoBatchIdNamesNoBatch() {
        Refusal refusal = refusalOf(() -> mvc.perform(post("/api/grants/batches/DSB-2016-0001/approve")));

        assertThat(refusal.kind()).isEqualTo(RefusalKind.NOT_FOUND);
        assertThat(refusal.code()).isEqualTo("GRANT_BATCH_NOT_FOUND");
        verifyNoInteractions(commands);
    }
}
