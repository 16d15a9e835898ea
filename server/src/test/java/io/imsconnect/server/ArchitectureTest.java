package io.imsconnect.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.springframework.stereotype.Controller;
import org.springframework.stereotype.Repository;
import org.springframework.web.bind.annotation.RestController;

import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The layout of design.md: {@code core} is free of Spring; the server is packaged by feature, features talk
 * through each other's services (never a repository), and the features form no cycle.
 */
@AnalyzeClasses(packages = "io.imsconnect", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule coreImportsNoFramework = noClasses().that().resideInAPackage("io.imsconnect.core..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta..",
                    "io.imsconnect.server..");

    @ArchTest
    static final ArchRule repositoriesAreUsedOnlyByTheirOwnFeature = classes().that()
            .areAnnotatedWith(Repository.class).should(beAccessedOnlyFromTheirOwnPackage());

    @ArchTest
    static final ArchRule featuresFormNoCycle = slices().matching("io.imsconnect.server.(*)..").should()
            .beFreeOfCycles();

    @ArchTest
    static final ArchRule controllersArePackagePrivate = classes().that().areAnnotatedWith(Controller.class)
            .or().areAnnotatedWith(RestController.class).should().notBePublic();

    private static ArchCondition<JavaClass> beAccessedOnlyFromTheirOwnPackage() {
        return new ArchCondition<>("be accessed only from their own feature package") {
            @Override
            public void check(JavaClass repository, ConditionEvents events) {
                for (JavaAccess<?> access : repository.getAccessesToSelf()) {
                    boolean samePackage = access.getOriginOwner().getPackageName().equals(repository.getPackageName());
                    if (!samePackage) {
                        events.add(SimpleConditionEvent.violated(access, access.getDescription()));
                    }
                }
            }
        };
    }
}
