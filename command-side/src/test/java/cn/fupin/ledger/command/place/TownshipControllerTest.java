package cn.fupin.ledger.command.place;

import cn.fupin.ledger.shared.assessment.RecordTownshipAssessmentCommand;
import cn.fupin.ledger.shared.common.Actor;
import cn.fupin.ledger.shared.common.Refusal;
import cn.fupin.ledger.shared.place.TownshipCode;
import jakarta.servlet.ServletException;
import java.math.BigDecimal;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
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

/** The score of an assessment arrives as a decimal number of points and is kept in hundredths of a point. */
@WebMvcTest
class TownshipControllerTest {

    @SpringBootConfiguration
    @Import(TownshipController.class)
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
    void aScoreWrittenAsADecimalNumberIsSentInHundredthsOfAPoint() throws Exception {
        mvc.perform(post("/api/townships/510824100/assessments").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"year\": 2015, \"score\": 92.57, \"documentNo\": \"苍委办〔2016〕8号\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.townshipCode").value("510824100"))
                .andExpect(jsonPath("$.year").value(2015));

        verify(commands).sendAndWait(new RecordTownshipAssessmentCommand(new TownshipCode("510824100"), 2015, 9257,
                "苍委办〔2016〕8号", Actor.of("clerk", "CLERK")));
    }

    @Test
    void aPathThatIsNoTownshipCodeNamesNoTownship() {
        ServletException failure = catchThrowableOfType(ServletException.class, () -> mvc.perform(
                post("/api/townships/abc/assessments").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"year\": 2015, \"score\": 90, \"documentNo\": \"苍委办〔2016〕8号\"}")));

        assertThat(failure).isNotNull();
        assertThat(failure.getCause()).isInstanceOf(Refusal.class);
        assertThat(((Refusal) failure.getCause()).code()).isEqualTo("TOWNSHIP_NOT_FOUND");
        verifyNoInteractions(commands);
    }

    @Test
    void aScoreWithTwoDecimalsBecomesHundredthsOfAPoint() {
        assertThat(TownshipController.scoreHundredths(new BigDecimal("92.57"))).isEqualTo(9257);
    }

    @Test
    void aScoreWithOneDecimalOrNoneBecomesHundredthsToo() {
        assertThat(TownshipController.scoreHundredths(new BigDecimal("92.5"))).isEqualTo(9250);
        assertThat(TownshipController.scoreHundredths(new BigDecimal("88"))).isEqualTo(8800);
    }

    @Test
    void trailingZerosBeyondTheSecondDecimalAreNoExtraPrecision() {
        assertThat(TownshipController.scoreHundredths(new BigDecimal("92.5000"))).isEqualTo(9250);
    }

    @Test
    void theLimitsZeroAndAHundredAreScores() {
        assertThat(TownshipController.scoreHundredths(new BigDecimal("0"))).isZero();
        assertThat(TownshipController.scoreHundredths(new BigDecimal("100.00"))).isEqualTo(10000);
        assertThat(TownshipController.scoreHundredths(new BigDecimal("1E+2"))).isEqualTo(10000);
    }

    @Nested
    class Refuses {

        @Test
        void aThirdDecimal() {
            assertRefused("92.505", "SCORE_PRECISION");
        }

        @Test
        void aScoreAboveAHundred() {
            assertRefused("100.01", "SCORE_OUT_OF_RANGE");
        }

        @Test
        void aNegativeScore() {
            assertRefused("-0.01", "SCORE_OUT_OF_RANGE");
        }

        @Test
        void aNumberTooLargeForAnyScore() {
            assertRefused("1E+40", "SCORE_OUT_OF_RANGE");
        }

        private void assertRefused(String score, String code) {
            Refusal refusal = catchThrowableOfType(Refusal.class,
                    () -> TownshipController.scoreHundredths(new BigDecimal(score)));
            assertThat(refusal).isNotNull();
            assertThat(refusal.code()).isEqualTo(code);
            assertThat(refusal.problems()).extracting(p -> p.field()).containsExactly("score");
        }
    }
}
