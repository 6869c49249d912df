package nl.spoorwijzer.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import liquibase.Liquibase;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabase;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;

/**
 * The case list of a party of some cases: the read model is read in the list's order and each batch is filtered by
 * the engine's answer ({@link VisibleCases}), so a page holds the caller's cases in order however many it has, and
 * the engine is asked about a page's worth of cases, not about all the caller's cases.
 */
class CaseFileRepositoryListTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 5);
    private static final List<String> EMPLOYERS = List.of("werkgever-a", "werkgever-b");

    private EmbeddedDatabase database;
    private CaseFileRepository repository;
    private final List<List<String>> asked = new ArrayList<>();

    @BeforeEach
    void schemaAndCases() throws Exception {
        database = new EmbeddedDatabaseBuilder().setType(EmbeddedDatabaseType.H2).generateUniqueName(true).build();
        try (Connection connection = database.getConnection()) {
            new Liquibase("db/changelog/spoorwijzer-changelog.yaml", new ClassLoaderResourceAccessor(),
                    DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection)))
                    .update("");
        }
        repository = new CaseFileRepository(new JdbcTemplate(database));
        for (int i = 0; i < 3000; i++) {
            String caseId = "ZV-%04d".formatted(i);
            String employer = EMPLOYERS.get(i % 2);
            repository.open(new CaseFile(caseId, "pi-" + i, employer, "werknemer-" + i, TODAY.minusDays(i % 700),
                    CaseFile.OPEN, CasePhase.ZIEKMELDING, null, null, null, OffsetDateTime.now(), null, null));
            // Deadlines out of id order, some cases without one (listed last).
            LocalDate deadline = i % 10 == 0 ? null : TODAY.plusDays((i * 37) % 400 - 200);
            repository.updateProgress(caseId, CasePhase.PROBLEEMANALYSE, deadline, "taak");
        }
    }

    @AfterEach
    void drop() {
        database.shutdown();
    }

    @Test
    void aPartyOfEverySeventhCaseSeesItsCasesInListOrderPageByPage() {
        VisibleCases everySeventh = recording(id -> Integer.parseInt(id.substring(3)) % 7 == 0);
        List<CaseFile> expected = all().stream().filter(file -> number(file) % 7 == 0).toList();

        for (int page : new int[] {0, 1, 5, 8}) {
            List<CaseFile> shown = repository.list(query(page, 50, null), EMPLOYERS, everySeventh, TODAY);
            assertThat(ids(shown)).as("page " + page)
                    .isEqualTo(ids(expected.subList(Math.min(expected.size(), page * 50),
                            Math.min(expected.size(), page * 50 + 50))));
        }
        assertThat(asked).allSatisfy(batch -> assertThat(batch).hasSizeLessThanOrEqualTo(1000));
    }

    @Test
    void theEngineIsAskedAboutAPagesWorthOfCasesNotAboutAllOfThem() {
        VisibleCases twoInThree = recording(id -> Integer.parseInt(id.substring(3)) % 3 != 0);

        List<CaseFile> shown = repository.list(query(0, 50, null), EMPLOYERS, twoInThree, TODAY);

        assertThat(shown).hasSize(50);
        assertThat(asked).hasSize(1);
        assertThat(asked.get(0)).hasSize(100);
    }

    @Test
    void filtersOfTheReadModelApplyBeforeTheEngineIsAsked() {
        VisibleCases everyThird = recording(id -> Integer.parseInt(id.substring(3)) % 3 == 0);

        List<CaseFile> overdue = repository.list(query(0, 500, true), EMPLOYERS, everyThird, TODAY);

        assertThat(overdue).isNotEmpty().allSatisfy(file -> {
            assertThat(file.nextDeadline()).isBefore(TODAY);
            assertThat(number(file) % 3).isZero();
        });
        assertThat(ids(overdue)).isEqualTo(ids(all().stream().filter(file -> number(file) % 3 == 0)
                .filter(file -> file.nextDeadline() != null && file.nextDeadline().isBefore(TODAY)).limit(500)
                .toList()));
        assertThat(asked.stream().flatMap(List::stream)).allSatisfy(instance ->
                assertThat(repository.find("ZV-%04d".formatted(Integer.parseInt(instance.substring(3))))
                        .orElseThrow().nextDeadline()).isBefore(TODAY));
    }

    @Test
    void aPartyOfNoCaseSeesNone() {
        assertThat(repository.list(query(0, 50, null), EMPLOYERS, recording(id -> false), TODAY)).isEmpty();
        assertThat(asked.stream().mapToInt(List::size).sum()).isEqualTo(3000);
    }

    private VisibleCases recording(java.util.function.Predicate<String> sees) {
        return instances -> {
            asked.add(instances);
            return instances.stream().filter(sees).collect(Collectors.toSet());
        };
    }

    /** Every case in the list's order: soonest deadline first, without one last, then by case id. */
    private List<CaseFile> all() {
        List<CaseFile> all = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            all.add(repository.find("ZV-%04d".formatted(i)).orElseThrow());
        }
        all.sort(Comparator.comparing(CaseFile::nextDeadline, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(CaseFile::caseId));
        return all;
    }

    private static CaseQuery query(int page, int size, Boolean overdue) {
        return new CaseQuery(null, null, overdue, null, page, size);
    }

    private static int number(CaseFile file) {
        return Integer.parseInt(file.caseId().substring(3));
    }

    private static List<String> ids(List<CaseFile> files) {
        return files.stream().map(CaseFile::caseId).toList();
    }
}
