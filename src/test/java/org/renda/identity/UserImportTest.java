package org.renda.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.renda.identity.BulkAccounts.IssuedAccount;
import org.renda.shared.NotFoundException;
import org.renda.shared.excel.ImportRejected;
import org.renda.shared.excel.RowError;
import org.renda.shared.excel.Xlsx;
import org.renda.support.RendaIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Users from Excel: a good sheet creates every account (each with a first password to change); a sheet with bad rows
 * creates none and names each bad row in Chinese; a clerk cannot reach another town nor give a role stronger than
 * their own.
 */
@RendaIntegrationTest
class UserImportTest {

    @Autowired UserImport imports;
    @Autowired UserStore users;
    @Autowired JdbcClient jdbc;
    @Autowired UserDetailsService accounts;
    @Autowired MessageSource messages;

    private static byte[] sheet(List<List<?>> rows) {
        return Xlsx.write(UserImport.SHEET, UserImport.HEADERS, rows);
    }

    private List<IssuedAccount> importAs(String who, byte[] file) {
        return Logins.call(accounts, who, () -> imports.importSheet(new ByteArrayInputStream(file)));
    }

    private String text(RowError e) {
        return messages.getMessage("import.row", new Object[] {e.row(),
            messages.getMessage(e.messageKey(), e.args(), java.util.Locale.SIMPLIFIED_CHINESE)},
                java.util.Locale.SIMPLIFIED_CHINESE);
    }

    @Test
    void aGoodSheetCreatesEveryAccountWithAFirstPasswordToChange() {
        String run = "imp" + System.nanoTime() % 1_000_000;
        List<IssuedAccount> created = importAs("anlan.staff", sheet(List.of(
                List.of(run + ".a", "钱一", "QH-AL", "人大办工作人员", "13800001111", ""),
                List.of(run + ".b", "钱二", "QH-AL-V02", "DEPUTY", "", run + "@renda.test"))));

        assertThat(created).extracting(IssuedAccount::username).containsExactly(run + ".a", run + ".b");
        UserStore.Account a = users.byUsername(run + ".a").orElseThrow();
        assertThat(users.grants(a.id())).extracting(UserStore.StoredGrant::role)
                .containsExactly(org.renda.shared.Role.STAFF);
        assertThat(users.mustChangePassword(a.id())).isTrue();
        assertThat(users.byUsername(run + ".b").orElseThrow().email()).isEqualTo(run + "@renda.test");
    }

    @Test
    void badRowsAreListedByNumberAndNothingIsCreated() {
        String run = "bad" + System.nanoTime() % 1_000_000;
        List<List<?>> rows = new ArrayList<>();
        rows.add(List.of(run + ".ok", "孙好", "QH-AL", "人大代表", "", ""));        // row 2: fine
        rows.add(List.of("x", "孙短", "QH-AL", "人大代表", "", ""));                // row 3: login too short
        rows.add(List.of(run + ".ok", "孙重", "QH-AL", "人大代表", "", ""));        // row 4: repeats row 2
        rows.add(List.of(run + ".sq", "孙外", "QH-SQ", "人大代表", "", ""));        // row 5: another town
        rows.add(List.of(run + ".adm", "孙管", "QH-AL", "系统管理员", "", ""));     // row 6: a stronger role
        rows.add(List.of(run + ".r", "孙角", "QH-AL", "村长", "12345", "not-mail")); // row 7: role, phone, e-mail
        rows.add(List.of("anlan.staff", "孙占", "QH-AL", "人大代表", "", ""));      // row 8: taken

        assertThatThrownBy(() -> importAs("anlan.staff", sheet(rows))).isInstanceOfSatisfying(ImportRejected.class,
                e -> {
                    List<String> lines = e.errors().stream().map(this::text).toList();
                    assertThat(e.errors()).extracting(RowError::row).containsExactly(3, 4, 5, 6, 7, 7, 7, 8);
                    assertThat(lines).contains("第 4 行：登录名“" + run + ".ok”与第 2 行重复",
                            "第 5 行：单位编码“QH-SQ”不存在或不在您的管理范围内",
                            "第 6 行：您不能在单位“QH-AL”授予“系统管理员”角色",
                            "第 7 行：无法识别的角色“村长”",
                            "第 8 行：登录名“anlan.staff”已被使用");
                    assertThat(lines).allSatisfy(l -> assertThat(l).doesNotContain("{0}", "{1}", "accounts."));
                });
        assertThat(users.byUsername(run + ".ok")).as("nothing is created").isEmpty();
    }

    @Test
    void onlyThoseWhoMayCreateAccountsImportAndTheTemplateNamesTheColumns() throws Exception {
        assertThatThrownBy(() -> importAs("anlan.chair", sheet(List.of(List.of("zz.chair", "主席", "QH-AL",
                "人大代表", "", ""))))).isInstanceOf(NotFoundException.class);
        byte[] template = Logins.call(accounts, "anlan.staff", imports::template);
        List<Xlsx.SheetRow> rows = Xlsx.read(new ByteArrayInputStream(template), UserImport.REQUIRED);
        assertThat(rows.get(0).cells().keySet()).containsExactlyElementsOf(UserImport.HEADERS);
        assertThat(rows.get(0).get(UserImport.ROLE)).isEqualTo("人大办工作人员");
    }
}
