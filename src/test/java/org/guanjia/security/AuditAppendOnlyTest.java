package org.guanjia.security;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.guanjia.audit.internal.AuditRepository;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The audit log is append-only: only its repository touches the table, and the repository
 * inserts and reads but never updates or deletes; no SQL text in the app changes audit_log.
 */
class AuditAppendOnlyTest {

    private static JavaClasses app;

    @BeforeAll
    static void importClasses() {
        app = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.guanjia");
    }

    @Test
    void only_the_audit_repository_uses_the_audit_log_table() {
        // the crash test's integrity check reads (selects only) whether a save has its audit line
        noClasses().that().doNotHaveFullyQualifiedName(AuditRepository.class.getName())
                .and().doNotHaveFullyQualifiedName("org.guanjia.soak.internal.SoakRepository")
                .and().resideOutsideOfPackage("org.guanjia.db..")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.guanjia.db.tables.AuditLog")
                .orShould().dependOnClassesThat()
                .haveFullyQualifiedName("org.guanjia.db.tables.records.AuditLogRecord")
                .check(app);
    }

    @Test
    void the_audit_repository_never_updates_or_deletes() {
        noClasses().that().haveFullyQualifiedName(AuditRepository.class.getName())
                .should().callMethodWhere(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "a DSLContext update, delete, merge or truncate",
                        call -> call.getTargetOwner().isAssignableTo(DSLContext.class)
                                && Stream.of("update", "delete", "deleteFrom", "mergeInto", "truncate",
                                        "truncateTable", "execute", "batchUpdate", "batchDelete",
                                        "batchStore", "executeUpdate", "executeDelete")
                                        .anyMatch(call.getName()::equals)))
                .check(app);
        // and it has something to check: the insert and the reads are there
        noMethods().that().areDeclaredIn(AuditRepository.class).should().haveName("update")
                .orShould().haveName("delete").check(app);
    }

    @Test
    void no_sql_text_in_the_app_changes_the_audit_log() throws IOException {
        Pattern change = Pattern.compile("(?is)(update|delete\\s+from|truncate(\\s+table)?|drop\\s+table)\\s+audit_log");
        List<Path> hits;
        try (Stream<Path> files = Stream.concat(Files.walk(Path.of("src/main/java")), Files.walk(Path.of("sql")))) {
            hits = files.filter(Files::isRegularFile)
                    .filter(f -> f.toString().endsWith(".java") || f.toString().endsWith(".sql"))
                    .filter(f -> {
                        try {
                            return change.matcher(Files.readString(f)).find();
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }).toList();
        }
        assertThat(hits).isEmpty();
    }
}
