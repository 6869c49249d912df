package nl.spoorwijzer.signals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ParameterizedPreparedStatementSetter;

/** A claim is a proof that this transaction queued the signal: a batch result that tells nothing is no proof. */
class SignalLedgerTest {

    private final JdbcTemplate jdbc = mock(JdbcTemplate.class);
    private final SignalLedger ledger = new SignalLedger(jdbc);
    private final List<SignalLedger.Claim> claims = List.of(new SignalLedger.Claim("t1", SignalKind.FOLLOW_UP, "c"),
            new SignalLedger.Claim("t2", SignalKind.FOLLOW_UP, "c"));

    @Test
    @SuppressWarnings("unchecked")
    void aBatchWithoutRowCountsIsRefusedSoTheCallerClaimsRowByRow() {
        when(jdbc.execute(any(ConnectionCallback.class))).thenReturn(false);
        when(jdbc.batchUpdate(anyString(), any(List.class), anyInt(), any(ParameterizedPreparedStatementSetter.class)))
                .thenReturn(new int[][] {{1, Statement.SUCCESS_NO_INFO}});

        assertThatThrownBy(() -> ledger.claimBatch(claims, OffsetDateTime.now()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no row counts");
    }

    @Test
    @SuppressWarnings("unchecked")
    void exactRowCountsAreClaims() {
        when(jdbc.execute(any(ConnectionCallback.class))).thenReturn(false);
        when(jdbc.batchUpdate(anyString(), any(List.class), anyInt(), any(ParameterizedPreparedStatementSetter.class)))
                .thenReturn(new int[][] {{1, 0}});

        assertThat(ledger.claimBatch(claims, OffsetDateTime.now())).containsExactly(true, false);
    }
}
