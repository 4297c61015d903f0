package org.guanjia.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** The package rules of CONVENTIONS.md. Each rule must match classes, so none passes vacuously. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ArchitectureTest {

    private static JavaClasses app;

    @BeforeAll
    static void importClasses() {
        app = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.guanjia");
    }

    @Test
    void vaadin_is_used_only_in_ui_packages_and_base() {
        noClasses().that().resideOutsideOfPackages("..ui..", "org.guanjia.base..")
                .and().resideOutsideOfPackage("org.guanjia.db..")
                .should().dependOnClassesThat().resideInAPackage("com.vaadin..")
                .check(app);
    }

    @Test
    void internal_classes_are_used_only_by_their_own_feature() {
        classes().that().resideInAPackage("org.guanjia.*.internal..")
                .should(beUsedOnlyWithinTheirFeature())
                .check(app);
    }

    @Test
    void generated_tables_are_used_only_by_internal_packages_and_the_batch_paths() {
        noClasses().that().resideOutsideOfPackages("..internal..", "org.guanjia.db..",
                        "org.guanjia.demo..", "org.guanjia.interchange..")
                .should().dependOnClassesThat().resideInAPackage("org.guanjia.db..")
                .check(app);
    }

    @Test
    void services_do_not_depend_on_views() {
        noClasses().that().resideOutsideOfPackages("..ui..")
                .and().resideOutsideOfPackage("org.guanjia.base..")
                .should().dependOnClassesThat().resideInAPackage("..ui..")
                .check(app);
    }

    @Test
    void base_does_not_depend_on_features() {
        // base may use only itself and the generated jOOQ classes: every feature package,
        // present and future, is covered without listing it
        noClasses().that().resideInAPackage("org.guanjia.base..")
                .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("org.guanjia..")
                        .and(JavaClass.Predicates.resideOutsideOfPackages("org.guanjia.base..",
                                "org.guanjia.db..")))
                .check(app);
    }

    /** A class in org.guanjia.X.internal may be used only by classes under org.guanjia.X. */
    private static ArchCondition<JavaClass> beUsedOnlyWithinTheirFeature() {
        return new ArchCondition<>("be used only within their feature") {
            @Override
            public void check(JavaClass internal, ConditionEvents events) {
                String feature = internal.getPackageName()
                        .substring(0, internal.getPackageName().indexOf(".internal"));
                for (Dependency d : internal.getDirectDependenciesToSelf()) {
                    String user = d.getOriginClass().getPackageName();
                    if (!user.equals(feature) && !user.startsWith(feature + ".")) {
                        events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                    }
                }
            }
        };
    }
}
