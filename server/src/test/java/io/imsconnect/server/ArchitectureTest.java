package io.imsconnect.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.springframework.stereotype.Controller;
import org.springframework.stereotype.Repository;
import org.springframework.web.bind.annotation.RestController;

import io.imsconnect.core.account.AccountType;
import io.imsconnect.core.membership.MembershipChange;
import io.imsconnect.server.group.GroupService;

/**
 * The layout of docs/architecture.md: {@code core} is free of Spring; the server is packaged by feature,
 * features talk through each other's services (never a repository), and the features form no cycle. A provider
 * type is asked, never tested; one client talks to identity providers; one provisioning step changes MASK
 * memberships.
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

    /** docs/decisions/0007: callers ask the account's provider type; only it, and account defaults, name a type. */
    @ArchTest
    static final ArchRule providerTypesAreAskedNeverTested = noClasses().that()
            .resideOutsideOfPackages("io.imsconnect.server.provider..", "io.imsconnect.server.account..",
                    "io.imsconnect.core..")
            .should().accessField(AccountType.class, "ADOBE_IMS")
            .orShould().accessField(AccountType.class, "OIDC");

    /** docs/decisions/0008: one client talks to identity providers, with its timeouts and https rules. */
    @ArchTest
    static final ArchRule oneClientTalksToIdentityProviders = noClasses().that()
            .resideOutsideOfPackage("io.imsconnect.server.provider..")
            .should().dependOnClassesThat().haveFullyQualifiedName("java.net.http.HttpClient")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("org.springframework.web.client.RestClient")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("org.springframework.web.client.RestTemplate");

    /** docs/decisions/0010: sign-in, API tokens and sync change MASK memberships through one step. */
    @ArchTest
    static final ArchRule oneStepChangesMaskMemberships = noClasses().that()
            .resideOutsideOfPackages("io.imsconnect.server.provisioning..", "io.imsconnect.server.group..")
            .should().callMethod(GroupService.class, "applyMaskChange", long.class, MembershipChange.class)
            .orShould().callMethod(GroupService.class, "applyMaskChanges", java.util.Map.class);

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
