package nl.spoorwijzer.overview;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.spoorwijzer.casefile.CaseFile;
import nl.spoorwijzer.casefile.CasePhase;
import nl.spoorwijzer.process.EndReason;
import nl.spoorwijzer.timeline.SicknessWeekBands;
import nl.spoorwijzer.timeline.SicknessWeekBands.WeekBand;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The overview's case figures, each ONE query over the case read model ({@code case_file}): open cases by phase and
 * by week of sickness, cases opened and closed per month, and the endings per month and end reason with their
 * durations. Exact counts; {@link SmallCounts} decides what a caller is shown. A case counts as opened in the month
 * of its first sick day and as closed in the month of {@code closed_on}, the legal day it was closed.
 */
@Component
public class CaseFigures {

    private final NamedParameterJdbcTemplate jdbc;
    private final SicknessWeekBands weekBands;

    CaseFigures(NamedParameterJdbcTemplate jdbc, SicknessWeekBands weekBands) {
        this.jdbc = jdbc;
        this.weekBands = weekBands;
    }

    /** Open cases per phase, every phase in process order (0 included). */
    public Map<CasePhase, Long> openByPhase(OverviewScope scope) {
        Map<CasePhase, Long> counts = new EnumMap<>(CasePhase.class);
        for (CasePhase phase : CasePhase.values()) {
            counts.put(phase, 0L);
        }
        if (scope.employers().isEmpty()) {
            return counts;
        }
        jdbc.query("SELECT phase, COUNT(*) AS cases FROM case_file WHERE status = :open" + scope.where()
                + " GROUP BY phase", open(scope), rs -> {
            counts.put(CasePhase.valueOf(rs.getString("phase")), rs.getLong("cases"));
        });
        return counts;
    }

    /**
     * Open cases per band of weeks of sickness on {@code today}, every band in order. A case's band follows from its
     * first sick day alone (week = whole weeks since it, plus one), so the bands are ranges of first sick days.
     */
    public Map<WeekBand, Long> openByWeekOfSickness(OverviewScope scope, LocalDate today) {
        List<WeekBand> bands = weekBands.bands();
        Map<WeekBand, Long> counts = new java.util.LinkedHashMap<>();
        bands.forEach(band -> counts.put(band, 0L));
        if (scope.employers().isEmpty()) {
            return counts;
        }
        MapSqlParameterSource parameters = open(scope);
        StringBuilder band = new StringBuilder("CASE");
        for (int i = bands.size() - 1; i > 0; i--) {
            band.append(" WHEN first_sick_day <= :band").append(i).append(" THEN ").append(i);
            parameters.addValue("band" + i, bands.get(i).latestFirstSickDay(today));
        }
        band.append(" ELSE 0 END"); // week 1, and a first sick day still to come
        jdbc.query("SELECT band, COUNT(*) AS cases FROM (SELECT " + band + " AS band FROM case_file"
                + " WHERE status = :open" + scope.where() + ") banded GROUP BY band", parameters, rs -> {
            counts.put(bands.get(rs.getInt("band")), rs.getLong("cases"));
        });
        return counts;
    }

    /** Per calendar month of the last {@code months} (oldest first, every month): cases opened and cases closed. */
    public List<MonthFlow> flow(OverviewScope scope, LocalDate today, int months) {
        YearMonth first = YearMonth.from(today).minusMonths(months - 1L);
        Map<YearMonth, long[]> counts = new HashMap<>();
        if (!scope.employers().isEmpty()) {
            MapSqlParameterSource parameters = scope.parameters().addValue("closed", CaseFile.CLOSED)
                    .addValue("from", first.atDay(1)).addValue("until", YearMonth.from(today).plusMonths(1).atDay(1));
            jdbc.query("""
                    SELECT y, m, SUM(opened) AS opened, SUM(closed) AS closed FROM (
                        SELECT EXTRACT(YEAR FROM first_sick_day) AS y, EXTRACT(MONTH FROM first_sick_day) AS m,
                            1 AS opened, 0 AS closed
                        FROM case_file WHERE first_sick_day >= :from AND first_sick_day < :until%s
                        UNION ALL
                        SELECT EXTRACT(YEAR FROM closed_on), EXTRACT(MONTH FROM closed_on), 0, 1
                        FROM case_file WHERE status = :closed AND closed_on >= :from AND closed_on < :until%s
                    ) flow GROUP BY y, m""".formatted(scope.where(), scope.where()), parameters, rs -> {
                counts.put(YearMonth.of(rs.getInt("y"), rs.getInt("m")),
                        new long[] {rs.getLong("opened"), rs.getLong("closed")});
            });
        }
        List<MonthFlow> flow = new ArrayList<>(months);
        for (YearMonth month = first; !month.isAfter(YearMonth.from(today)); month = month.plusMonths(1)) {
            long[] count = counts.getOrDefault(month, new long[2]);
            flow.add(new MonthFlow(month, count[0], count[1]));
        }
        return flow;
    }

    /**
     * Closed cases per calendar month of the last {@code months} and end reason (oldest month first, reasons in the
     * order of {@link EndReason}), with the median and average days from first sick day to the close.
     */
    public List<Ending> endings(OverviewScope scope, LocalDate today, int months) {
        if (scope.employers().isEmpty()) {
            return List.of();
        }
        YearMonth first = YearMonth.from(today).minusMonths(months - 1L);
        MapSqlParameterSource parameters = scope.parameters().addValue("closed", CaseFile.CLOSED)
                .addValue("from", first.atDay(1)).addValue("until", YearMonth.from(today).plusMonths(1).atDay(1));
        List<Ending> endings = jdbc.query("""
                SELECT y, m, reason, COUNT(*) AS cases,
                    PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY days) AS median_days,
                    AVG(CAST(days AS DOUBLE PRECISION)) AS average_days
                FROM (
                    SELECT EXTRACT(YEAR FROM closed_on) AS y, EXTRACT(MONTH FROM closed_on) AS m,
                        COALESCE(closed_reason, :ended) AS reason, CAST(closed_on - first_sick_day AS INT) AS days
                    FROM case_file WHERE status = :closed AND closed_on >= :from AND closed_on < :until%s
                ) ended GROUP BY y, m, reason""".formatted(scope.where()),
                parameters.addValue("ended", EndReason.BEEINDIGD.key()), (rs, row) -> new Ending(
                        YearMonth.of(rs.getInt("y"), rs.getInt("m")), rs.getString("reason"), rs.getLong("cases"),
                        rs.getDouble("median_days"), rs.getDouble("average_days")));
        return endings.stream().sorted(java.util.Comparator.comparing(Ending::month)
                .thenComparing(ending -> EndReason.of(ending.reason()).map(Enum::ordinal).orElse(Integer.MAX_VALUE))
                .thenComparing(Ending::reason)).toList();
    }

    private static MapSqlParameterSource open(OverviewScope scope) {
        return scope.parameters().addValue("open", CaseFile.OPEN);
    }

    /** Cases opened (first sick day) and closed in one month. */
    public record MonthFlow(YearMonth month, long opened, long closed) {
    }

    /** Cases closed in one month for one end reason, with the days from first sick day to the close. */
    public record Ending(YearMonth month, String reason, long cases, double medianDays, double averageDays) {
    }
}
