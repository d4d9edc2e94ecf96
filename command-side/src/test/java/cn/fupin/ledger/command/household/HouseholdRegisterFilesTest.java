package cn.fupin.ledger.command.household;

import cn.fupin.ledger.command.common.NewIds;
import cn.fupin.ledger.shared.common.FieldProblem;
import cn.fupin.ledger.shared.common.Refusal;
import cn.fupin.ledger.shared.household.HouseholdImportResult;
import cn.fupin.ledger.shared.household.HouseholdRow;
import cn.fupin.ledger.shared.household.ImportHouseholdRegisterCommand;
import cn.fupin.ledger.shared.place.Gazetteer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * A register file's bytes as a clerk uploads them, decoded in the charset its content type names and read into the
 * one import command: the spreadsheet files of {@code registers/} (Excel and WPS, UTF-8 with a byte order mark, and
 * the Chinese Windows code page).
 */
class HouseholdRegisterFilesTest {

    final CommandGateway commands = mock(CommandGateway.class);
    final HouseholdRegisterFiles files = new HouseholdRegisterFiles(commands,
            new NewIds(Gazetteer.forCounty("510824")), 100);

    static byte[] resource(String name) {
        try (InputStream in = HouseholdRegisterFilesTest.class.getResourceAsStream("/registers/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ImportHouseholdRegisterCommand imported(byte[] file, Charset charset) {
        when(commands.sendAndWait(any())).thenReturn(new HouseholdImportResult(0, 0));
        files.importFile(file, charset, "register.csv");
        ArgumentCaptor<ImportHouseholdRegisterCommand> sent = ArgumentCaptor.forClass(ImportHouseholdRegisterCommand.class);
        verify(commands).sendAndWait(sent.capture());
        return sent.getValue();
    }

    @Test
    void anExcelFileWithAByteOrderMarkIsReadWholeAndItsBytesHashed() throws Exception {
        byte[] file = resource("excel-utf8.csv");
        assertThat(file).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);

        ImportHouseholdRegisterCommand command = imported(file, StandardCharsets.UTF_8);

        assertThat(command.rowProblems()).isEmpty();
        assertThat(command.rows()).extracting(HouseholdRow::headName)
                .containsExactly("王德春", "欧阳,秀英", "苟\"二娃\"", "阿依·木呷");
        assertThat(command.fileSha256())
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file)));
    }

    @Test
    void aGbkFileNamedAsGbkIsRead() {
        ImportHouseholdRegisterCommand command = imported(resource("wps-gbk.csv"), Charset.forName("GBK"));

        assertThat(command.rows()).extracting(HouseholdRow::line, HouseholdRow::headName, HouseholdRow::migrant)
                .containsExactly(tuple(2, "张喆", false), tuple(3, "李秀英", true), tuple(4, "杨堃", false));
    }

    @Test
    void aGbkFileSentAsUtf8IsRefusedAsNotUtf8NotReadAsGarbledNames() {
        Refusal refused = catchThrowableOfType(Refusal.class,
                () -> files.importFile(resource("wps-gbk.csv"), StandardCharsets.UTF_8, "register.csv"));

        assertThat(refused.code()).isEqualTo("HOUSEHOLD_IMPORT_INVALID");
        assertThat(refused.problems()).extracting(FieldProblem::field, FieldProblem::code)
                .containsExactly(tuple("file", "ENCODING_INVALID"));
    }

    @Test
    void aWpsFileWithBadRowsGoesToTheImporterWithItsGoodRowsAndEveryBadOne() {
        ImportHouseholdRegisterCommand command = imported(resource("wps-utf8-bad-rows.csv"), StandardCharsets.UTF_8);

        assertThat(command.rows()).extracting(HouseholdRow::line).containsExactly(2);
        assertThat(command.rowProblems()).extracting(FieldProblem::line, FieldProblem::code)
                .containsExactly(tuple(3, "HEAD_NAME_INVALID"), tuple(5, "BANK_CARD_INVALID"),
                        tuple(6, "MEMBERS_OUT_OF_RANGE"), tuple(7, "ID_NUMBER_INVALID"));
    }
}
