package cn.fupin.ledger.command.project;

import cn.fupin.ledger.command.common.CangxiIds;
import cn.fupin.ledger.shared.common.Actor;
import cn.fupin.ledger.shared.common.Refusal;
import cn.fupin.ledger.shared.common.RefusalKind;
import cn.fupin.ledger.shared.place.VillageCode;
import cn.fupin.ledger.shared.project.ApproveProjectCommand;
import cn.fupin.ledger.shared.project.BudgetLine;
import cn.fupin.ledger.shared.project.CompleteProjectCommand;
import cn.fupin.ledger.shared.project.ProjectId;
import cn.fupin.ledger.shared.project.ProposeProjectCommand;
import cn.fupin.ledger.shared.project.StartProjectCommand;
import cn.fupin.ledger.shared.workarea.Beneficiary;
import jakarta.servlet.ServletException;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
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
import org.springframework.web.bind.MethodArgumentNotValidException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The project endpoints on a web slice: how a request becomes a command (the rules are the handlers', tested with
 * them). Refusals thrown here reach the test as the request's failure, since the problem+json mapping lives in ops.
 */
@WebMvcTest
class ProjectControllerTest {

    @SpringBootConfiguration
    @Import({ProjectController.class, CangxiIds.class})
    static class Web {
    }

    @Autowired
    MockMvc mvc;

    @MockitoBean
    CommandGateway commands;

    @BeforeEach
    void loggedIn() {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "township", null, List.of(new SimpleGrantedAuthority("ROLE_TOWNSHIP"),
                        new SimpleGrantedAuthority("TOWNSHIP:510824100"))));
    }

    @AfterEach
    void loggedOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aProposalBecomesACommandUnderANewProjectIdWithTheLoggedInActor() throws Exception {
        mvc.perform(post("/api/projects").contentType(MediaType.APPLICATION_JSON).content("""
                        {"name": "村道硬化", "workArea": "ROADS", "villageCode": "510824100001", "beneficiary": "VILLAGE",
                         "budget": [{"fundId": "FUND-510824-2016-CENTRAL", "amountFen": 3000000}],
                         "implementer": "金穗社区居委会", "supervisor": "陵江镇人民政府",
                         "startDate": "2016-03-01", "endDate": "2016-10-31", "expectedHouseholds": 110,
                         "expectedPeople": 275, "supervisionPhone": "0839-5221234", "villagersMeeting": "村民代表大会"}
                        """))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.projectId").value(org.hamcrest.Matchers.matchesPattern("PRJ-510824-[0-9a-f-]{36}")));

        ArgumentCaptor<ProposeProjectCommand> sent = ArgumentCaptor.forClass(ProposeProjectCommand.class);
        verify(commands).sendAndWait(sent.capture());
        ProposeProjectCommand command = sent.getValue();
        assertThat(command.villageCode()).isEqualTo(new VillageCode("510824100001"));
        assertThat(command.beneficiary()).isEqualTo(Beneficiary.VILLAGE);
        assertThat(command.budget()).containsExactly(new BudgetLine("FUND-510824-2016-CENTRAL", 3_000_000L));
        assertThat(command.startDate()).isEqualTo(LocalDate.of(2016, 3, 1));
        assertThat(command.endDate()).isEqualTo(LocalDate.of(2016, 10, 31));
        assertThat(command.expectedHouseholds()).isEqualTo(110);
        assertThat(command.expectedPeople()).isEqualTo(275);
        assertThat(command.supervisionPhone()).isEqualTo("0839-5221234");
        assertThat(command.villagersMeeting()).isEqualTo("村民代表大会");
        assertThat(command.description()).isNull();
        assertThat(command.actor()).isEqualTo(new Actor("township", "TOWNSHIP", "510824100"));
    }

    @Test
    void aProposalWithoutAnyBudgetIsLeftToTheHandlerToName() throws Exception {
        mvc.perform(post("/api/projects").contentType(MediaType.APPLICATION_JSON).content("""
                        {"name": "村道硬化", "expectedHouseholds": 0}
                        """))
                .andExpect(status().isCreated());

        ArgumentCaptor<ProposeProjectCommand> sent = ArgumentCaptor.forClass(ProposeProjectCommand.class);
        verify(commands).sendAndWait(sent.capture());
        assertThat(sent.getValue().budget()).isNull();
        assertThat(sent.getValue().villageCode()).isNull();
    }

    @Test
    void aVillageCodeOfTheWrongShapeIsRefusedBeforeAnyCommandIsSent() throws Exception {
        mvc.perform(post("/api/projects").contentType(MediaType.APPLICATION_JSON).content("""
                        {"villageCode": "5108241", "expectedHouseholds": 0}
                        """))
                .andExpect(result -> assertThat(result.getResolvedException())
                        .isInstanceOf(MethodArgumentNotValidException.class));

        verifyNoInteractions(commands);
    }

    @Test
    void anApprovalNamesTheProjectOfThePath() throws Exception {
        mvc.perform(post("/api/projects/PRJ-2016-0001/approve").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"approvalDocNo\": \"苍发改〔2016〕21号\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.projectId").value("PRJ-2016-0001"))
                .andExpect(jsonPath("$.status").value("APPROVED"));

        verify(commands).sendAndWait(new ApproveProjectCommand(new ProjectId("PRJ-2016-0001"), "苍发改〔2016〕21号",
                new Actor("township", "TOWNSHIP", "510824100")));
    }

    @Test
    void aStartTakesNoBody() throws Exception {
        mvc.perform(post("/api/projects/PRJ-2016-0001/start"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("IMPLEMENTING"));

        verify(commands).sendAndWait(new StartProjectCommand(new ProjectId("PRJ-2016-0001"),
                new Actor("township", "TOWNSHIP", "510824100")));
    }

    @Test
    void aStartTakesAnEmptyObjectToo() throws Exception {
        mvc.perform(post("/api/projects/PRJ-2016-0001/start").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isOk());
    }

    @Test
    void aCompletionMayComeWithoutANote() throws Exception {
        mvc.perform(post("/api/projects/PRJ-2016-0001/complete"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("COMPLETED"));

        verify(commands).sendAndWait(new CompleteProjectCommand(new ProjectId("PRJ-2016-0001"), null,
                new Actor("township", "TOWNSHIP", "510824100")));
    }

    @Test
    void aPathThatIsNoProjectIdNamesNoProject() {
        Refusal refusal = refusalOf(() -> mvc.perform(post("/api/projects/not a project/cancel")
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"重复\"}")));

        assertThat(refusal.kind()).isEqualTo(RefusalKind.NOT_FOUND);
        assertThat(refusal.code()).isEqualTo("PROJECT_NOT_FOUND");
        verifyNoInteractions(commands);
    }

    @Test
    void aStepOfAProjectNobodyProposedIsRefusedAsNotFound() {
        when(commands.sendAndWait(any())).thenThrow(new AggregateNotFoundException("PRJ-2016-0404", "not found"));

        Refusal refusal = refusalOf(() -> mvc.perform(post("/api/projects/PRJ-2016-0404/start")));

        assertThat(refusal.code()).isEqualTo("PROJECT_NOT_FOUND");
    }

    private static Refusal refusalOf(org.assertj.core.api.ThrowableAssert.ThrowingCallable request) {
        ServletException failure = catchThrowableOfType(ServletException.class, request);
        assertThat(failure).isNotNull();
        assertThat(failure.getCause()).isInstanceOf(Refusal.class);
        return (Refusal) failure.getCause();
    }
}
