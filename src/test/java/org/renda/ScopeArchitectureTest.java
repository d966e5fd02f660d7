package org.renda;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.renda.shared.Actor;
import org.renda.shared.CurrentActor;
import org.renda.shared.Reach;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Organisation scope has one shape: a {@link Reach} obtained from the actor, handed to every store read that
 * spans organisations, checked against every record loaded by id. These rules keep it that way.
 */
class ScopeArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.renda");

    /**
     * Store reads that return rows of many organisations without a Reach, each with the reason it is not a
     * user's view. A new one fails {@link #storeReadsAcrossOrganisationsTakeAReach()} until it takes a Reach
     * or is added here.
     */
    private static final Map<String, String> UNSCOPED_READS = Map.of(
            "VoteStore.published", "the public results page: published votes are public",
            "CalendarStore.inYear", "working-day arithmetic of every organisation (cached per year), not a list",
            "RuleStore.all", "deadline rules, resolved along an organisation's lineage by Deadlines",
            "NotificationStore.lockDue", "the e-mail dispatcher job (system), not a user's view",
            "OrgStore.roots", "the tops of the tree: names only, for the system and the calendar's audit filing",
            "ReceptionDayStore.plannedBetween", "the reception reminder job (system)",
            "ActivityStore.activitiesPlannedBetween", "the activity reminder job (system)");

    @Test
    void scopeTravelsAsAReachNeverAsTheActorsRawIdSets() {
        noClasses().that().resideOutsideOfPackage("org.renda.shared..")
                .should().callMethod(Actor.class, "reach")
                .because("the actor's organisation ids reach modules only inside a Reach")
                .check(CLASSES);
    }

    @Test
    void onlyCodeThatHoldsTheSqlTurnsAReachIntoSql() {
        DescribedPredicate<JavaClass> turnsReachIntoSql = DescribedPredicate.describe("turn a Reach into SQL",
                c -> c.getMethodCallsFromSelf().stream().map(JavaCall::getTarget)
                        .anyMatch(t -> t.getOwner().isEquivalentTo(Reach.class)
                                && (t.getName().equals("sql") || t.getName().equals("params"))));
        classes().that(turnsReachIntoSql).should().dependOnClassesThat().areAssignableTo(JdbcClient.class)
                .because("desks and pages check loaded rows with Reach.guard; only stores filter in SQL")
                .check(CLASSES);
    }

    @Test
    void storesAreHandedAReachAndNeverSeeTheActor() {
        noClasses().that().haveSimpleNameEndingWith("Store")
                .should().dependOnClassesThat().areAssignableTo(Actor.class)
                .orShould().dependOnClassesThat().areAssignableTo(CurrentActor.class)
                .because("a store applies the Reach it is given; deciding whose reach it is belongs to the facade")
                .check(CLASSES);
    }

    /**
     * A store method that returns rows and names neither a record (an id, a parent's id, a key) nor a Reach
     * would list rows of every organisation: it must take a Reach (or be a documented system read).
     */
    @Test
    void storeReadsAcrossOrganisationsTakeAReach() {
        List<String> offenders = new ArrayList<>();
        List<String> allowedSeen = new ArrayList<>();
        for (JavaClass store : CLASSES) {
            if (!store.getSimpleName().endsWith("Store") || store.isNestedClass()) {
                continue;
            }
            for (JavaMethod m : store.getMethods()) {
                if (m.getModifiers().contains(JavaModifier.PRIVATE) || m.getModifiers().contains(JavaModifier.SYNTHETIC)
                        || !returnsRows(m)) {
                    continue;
                }
                boolean namesARecordOrReach = m.getRawParameterTypes().stream().anyMatch(t -> t.isEquivalentTo(long.class)
                        || t.isEquivalentTo(Long.class) || t.isEquivalentTo(String.class)
                        || t.isAssignableTo(Collection.class) || carriesReach(t));
                String name = store.getSimpleName() + "." + m.getName();
                if (UNSCOPED_READS.containsKey(name)) {
                    allowedSeen.add(name);
                } else if (!namesARecordOrReach) {
                    offenders.add(name + m.getRawParameterTypes().stream().map(JavaClass::getSimpleName).toList());
                }
            }
        }
        assertThat(offenders).as("store reads across organisations without a Reach").isEmpty();
        assertThat(allowedSeen).as("every allowed unscoped read still exists")
                .containsAll(UNSCOPED_READS.keySet());
    }

    private static boolean returnsRows(JavaMethod m) {
        JavaClass r = m.getRawReturnType();
        return r.isAssignableTo(Collection.class) || r.isAssignableTo(Map.class) || r.isAssignableTo(Optional.class);
    }

    /** A Reach, or a query object (a record) with a Reach among its components. */
    private static boolean carriesReach(JavaClass t) {
        return t.isEquivalentTo(Reach.class) || t.getAllFields().stream()
                .anyMatch(f -> f.getRawType().isEquivalentTo(Reach.class));
    }
}
