package org.aftercart.timeline;

import java.util.List;
import java.util.UUID;
import org.aftercart.shared.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The customer's timeline entries. Their summaries can name what the customer bought, wrote or was
 * sent, and the facts themselves stay with their own modules, so erasure deletes the entries.
 */
@Component
class TimelinePersonalData implements PersonalData {

    private final JdbcClient jdbc;
    private final TimelineEntries entries;

    TimelinePersonalData(JdbcClient jdbc, TimelineEntries entries) {
        this.jdbc = jdbc;
        this.entries = entries;
    }

    @Override
    public String section() {
        return "timeline";
    }

    @Override
    public String export(UUID customerId) {
        return jdbc.sql(
                        """
                        select jsonb_build_object('entries', coalesce((select jsonb_agg(jsonb_build_object(
                                'occurredAt', e.occurred_at, 'kind', e.kind, 'summary', e.summary,
                                'orderId', e.order_id) order by e.occurred_at desc, e.id desc)
                            from timeline.entries e where e.customer_id = ?), '[]'))::text
                        """)
                .param(customerId)
                .query(String.class)
                .single();
    }

    @Override
    public List<String> erasureBlockers(UUID customerId) {
        return List.of();
    }

    @Override
    public void erase(UUID customerId) {
        entries.deleteAll(customerId);
    }
}
